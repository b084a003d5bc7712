package dev.cairn.examples.teams;

import static dev.cairn.examples.teams.Memberships.MEMBERSHIPS;
import static dev.cairn.examples.teams.Players.PLAYERS;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.ManyToMany;
import dev.cairn.dsl.Table;

/** The teams table: a unique name and a home city; players join teams through memberships. */
public final class Teams extends Table<Team, Long> {
    public static final Teams TEAMS = new Teams();

    public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
    public final Column<String> name = varchar("name", 100).notNull().unique();
    public final Column<String> city = varchar("city", 100);
    public final ManyToMany<Team, Player> players = manyToMany(() -> PLAYERS, () -> MEMBERSHIPS,
            m -> m.teamId, m -> m.playerId);

    private Teams() {
        super("teams");
        validate(name).present().length(2, 100);
    }
}
