package dev.cairn.examples.teams;

import static dev.cairn.examples.teams.Memberships.MEMBERSHIPS;
import static dev.cairn.examples.teams.Sponsors.SPONSORS;
import static dev.cairn.examples.teams.Teams.TEAMS;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.HasMany;
import dev.cairn.dsl.ManyToMany;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.lifecycle.Event;

/** The players table: a name and a shirt number; a player may play for several teams and have sponsors. */
public final class Players extends Table<Player, Long> {
    public static final Players PLAYERS = new Players();

    public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
    public final Column<String> name = varchar("name", 60).notNull();
    public final Column<Integer> shirtNumber = integer("shirt_number").notNull();
    public final HasMany<Player, Sponsor> sponsors = hasMany(() -> SPONSORS, s -> s.playerId);
    public final ManyToMany<Player, Team> teams = manyToMany(() -> TEAMS, () -> MEMBERSHIPS,
            m -> m.playerId, m -> m.teamId);

    private Players() {
        super("players");
        // Names come from forms with stray spaces; tidying them before the rules run means the rules, and the
        // stored row, see the name as it will be shown.
        before(Event.VALIDATE, p -> p.name() == null ? p : p.withName(p.name().strip()));
        validate(name).present().length(2, 60);
        validate(shirtNumber).present().satisfies(n -> n >= 1 && n <= 99, "must be from 1 to 99");
    }
}
