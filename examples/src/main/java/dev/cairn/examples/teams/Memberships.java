package dev.cairn.examples.teams;

import static dev.cairn.examples.teams.Players.PLAYERS;
import static dev.cairn.examples.teams.Teams.TEAMS;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.PrimaryKey;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.ReferentialAction;

/**
 * The join table of teams and players. The pair is the primary key, so a player joins a team at most once; rows are
 * written by {@code link} and {@code unlink} through {@code TEAMS.players} or {@code PLAYERS.teams}.
 */
public final class Memberships extends Table<Membership, Void> {
    public static final Memberships MEMBERSHIPS = new Memberships();

    public final Column<Long> teamId = bigint("team_id").notNull().references(() -> TEAMS.id)
            .onDelete(ReferentialAction.CASCADE);
    public final Column<Long> playerId = bigint("player_id").notNull().references(() -> PLAYERS.id)
            .onDelete(ReferentialAction.CASCADE);
    public final PrimaryKey pk = primaryKey(teamId, playerId);

    private Memberships() {
        super("memberships");
    }
}
