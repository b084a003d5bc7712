package dev.cairn.examples.teams;

import static dev.cairn.examples.teams.Players.PLAYERS;

import dev.cairn.dsl.BelongsTo;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.ReferentialAction;

/** The sponsors table: a sponsor backs at most one player at a time. */
public final class Sponsors extends Table<Sponsor, Long> {
    public static final Sponsors SPONSORS = new Sponsors();

    public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
    // Nullable: a sponsor's deal outlives a player leaving, and a new sponsor is signed before it is assigned.
    public final Column<Long> playerId = bigint("player_id").references(() -> PLAYERS.id)
            .onDelete(ReferentialAction.SET_NULL);
    public final Column<String> name = varchar("name", 100).notNull();
    public final BelongsTo<Sponsor, Player> player = belongsTo(playerId, () -> PLAYERS);

    private Sponsors() {
        super("sponsors");
        validate(name).present();
    }
}
