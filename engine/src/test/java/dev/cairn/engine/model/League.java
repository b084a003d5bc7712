package dev.cairn.engine.model;

import dev.cairn.dsl.BelongsTo;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.HasMany;
import dev.cairn.dsl.HasOne;
import dev.cairn.dsl.ManyToMany;
import dev.cairn.dsl.PrimaryKey;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.ReferentialAction;
import java.time.LocalDate;

/**
 * Teams, players linked to teams through memberships, sponsors of players, matches between two teams (two named
 * relations to one table) and employees with managers (a self-reference): the relations of the object API tests.
 */
public final class League {
    private League() {
    }

    public record Team(Long id, String name, String city) {
        public Team(String name, String city) {
            this(null, name, city);
        }
    }

    public record Player(Long id, String name, Integer number) {
        public Player(String name, Integer number) {
            this(null, name, number);
        }
    }

    public record Membership(Long teamId, Long playerId, LocalDate since) {
    }

    public record Sponsor(Long id, Long playerId, String name) {
    }

    public record Match(Long id, Long homeTeamId, Long awayTeamId, LocalDate playedOn) {
    }

    public record Employee(Long id, String name, Long managerId) {
    }

    public record Stadium(Long id, Long teamId, String name) {
    }

    public static final class Teams extends Table<Team, Long> {
        public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        public final Column<String> name = varchar("name", 100).notNull().unique();
        public final Column<String> city = varchar("city", 100);
        public final ManyToMany<Team, Player> players = manyToMany(() -> PLAYERS, () -> MEMBERSHIPS,
                m -> m.teamId, m -> m.playerId);
        public final HasMany<Team, Match> homeMatches = hasMany(() -> MATCHES, m -> m.homeTeamId);
        public final HasMany<Team, Match> awayMatches = hasMany(() -> MATCHES, m -> m.awayTeamId);
        public final HasOne<Team, Stadium> stadium = hasOne(() -> STADIUMS, s -> s.teamId);

        private Teams() {
            super("teams");
        }
    }

    public static final class Players extends Table<Player, Long> {
        public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        public final Column<String> name = varchar("name", 100).notNull();
        public final Column<Integer> number = integer("number");
        public final HasMany<Player, Sponsor> sponsors = hasMany(() -> SPONSORS, s -> s.playerId);
        public final ManyToMany<Player, Team> teams = manyToMany(() -> TEAMS, () -> MEMBERSHIPS,
                m -> m.playerId, m -> m.teamId);

        private Players() {
            super("players");
        }
    }

    public static final class Memberships extends Table<Membership, Void> {
        public final Column<Long> teamId = bigint("team_id").notNull().references(() -> TEAMS.id)
                .onDelete(ReferentialAction.CASCADE);
        public final Column<Long> playerId = bigint("player_id").notNull().references(() -> PLAYERS.id)
                .onDelete(ReferentialAction.CASCADE);
        public final Column<LocalDate> since = date("since");
        public final PrimaryKey pk = primaryKey(teamId, playerId);

        private Memberships() {
            super("memberships");
        }
    }

    public static final class Sponsors extends Table<Sponsor, Long> {
        public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        public final Column<Long> playerId = bigint("player_id").notNull().references(() -> PLAYERS.id)
                .onDelete(ReferentialAction.CASCADE);
        public final Column<String> name = varchar("name", 100).notNull();
        public final BelongsTo<Sponsor, Player> player = belongsTo(playerId, () -> PLAYERS);

        private Sponsors() {
            super("sponsors");
        }
    }

    public static final class Matches extends Table<Match, Long> {
        public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        public final Column<Long> homeTeamId = bigint("home_team_id").notNull().references(() -> TEAMS.id);
        public final Column<Long> awayTeamId = bigint("away_team_id").notNull().references(() -> TEAMS.id);
        public final Column<LocalDate> playedOn = date("played_on").notNull();
        public final BelongsTo<Match, Team> home = belongsTo(homeTeamId, () -> TEAMS);
        public final BelongsTo<Match, Team> away = belongsTo(awayTeamId, () -> TEAMS);

        private Matches() {
            super("matches");
        }
    }

    public static final class Employees extends Table<Employee, Long> {
        public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        public final Column<String> name = varchar("name", 100).notNull();
        public final Column<Long> managerId = bigint("manager_id").references(() -> EMPLOYEES.id);
        public final BelongsTo<Employee, Employee> manager = belongsTo(managerId, () -> EMPLOYEES);
        public final HasMany<Employee, Employee> reports = hasMany(() -> EMPLOYEES, e -> e.managerId);

        private Employees() {
            super("employees");
        }
    }

    public static final class Stadiums extends Table<Stadium, Long> {
        public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        public final Column<Long> teamId = bigint("team_id").notNull().unique().references(() -> TEAMS.id)
                .onDelete(ReferentialAction.CASCADE);
        public final Column<String> name = varchar("name", 100).notNull();

        private Stadiums() {
            super("stadiums");
        }
    }

    public static final Teams TEAMS = new Teams();
    public static final Players PLAYERS = new Players();
    public static final Memberships MEMBERSHIPS = new Memberships();
    public static final Sponsors SPONSORS = new Sponsors();
    public static final Matches MATCHES = new Matches();
    public static final Employees EMPLOYEES = new Employees();
    public static final Stadiums STADIUMS = new Stadiums();

    public static final Schema SCHEMA = Schema.of(TEAMS, PLAYERS, MEMBERSHIPS, SPONSORS, MATCHES, EMPLOYEES, STADIUMS);
}
