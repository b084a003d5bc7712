package dev.cairn.engine.facet;

import dev.cairn.dsl.BelongsTo;
import dev.cairn.dsl.Column;
import dev.cairn.dsl.ForeignKey;
import dev.cairn.dsl.HasMany;
import dev.cairn.dsl.ManyToMany;
import dev.cairn.dsl.PrimaryKey;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.ReferentialAction;
import dev.cairn.engine.Facet;
import dev.cairn.engine.Facet.Operation;
import dev.cairn.engine.Session;
import java.util.List;

/**
 * Tenants' teams, players (belonging to a team, with a salary) and skills (many-to-many through player_skills):
 * every table has a tenant_id, and a team code is unique across tenants.
 */
public final class Tenancy {
    private Tenancy() {
    }

    public record Team(Long id, Long tenantId, String code, String name) {
    }

    public record Player(Long id, Long tenantId, Long teamId, String name, Integer salary) {
        public Player withName(String n) {
            return new Player(id, tenantId, teamId, n, salary);
        }
    }

    public record Skill(Long id, Long tenantId, String name) {
    }

    public record PlayerSkill(Long playerId, Long skillId, Long tenantId) {
    }

    public record Rating(Long id, Long tenantId, Long playerId, Long skillId, Integer stars) {
    }

    public static final class Teams extends Table<Team, Long> {
        public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        public final Column<Long> tenantId = bigint("tenant_id").notNull();
        public final Column<String> code = varchar("code", 20).notNull().unique();
        public final Column<String> name = varchar("name", 100).notNull();
        public final HasMany<Team, Player> players = hasMany(() -> PLAYERS, p -> p.teamId);

        private Teams() {
            super("fc_teams");
        }
    }

    public static final class Players extends Table<Player, Long> {
        public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        public final Column<Long> tenantId = bigint("tenant_id").notNull();
        public final Column<Long> teamId = bigint("team_id").references(() -> TEAMS.id);
        public final Column<String> name = varchar("name", 100).notNull();
        public final Column<Integer> salary = integer("salary");
        public final BelongsTo<Player, Team> team = belongsTo(teamId, () -> TEAMS);
        public final ManyToMany<Player, Skill> skills = manyToMany(() -> SKILLS, () -> PLAYER_SKILLS,
                j -> j.playerId, j -> j.skillId);

        private Players() {
            super("fc_players");
        }
    }

    public static final class Skills extends Table<Skill, Long> {
        public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        public final Column<Long> tenantId = bigint("tenant_id").notNull();
        public final Column<String> name = varchar("name", 100).notNull();

        private Skills() {
            super("fc_skills");
        }
    }

    public static final class PlayerSkills extends Table<PlayerSkill, Void> {
        public final Column<Long> playerId = bigint("player_id").notNull().references(() -> PLAYERS.id)
                .onDelete(ReferentialAction.CASCADE);
        public final Column<Long> skillId = bigint("skill_id").notNull().references(() -> SKILLS.id)
                .onDelete(ReferentialAction.CASCADE);
        public final Column<Long> tenantId = bigint("tenant_id").notNull();
        public final PrimaryKey pk = primaryKey(playerId, skillId);

        private PlayerSkills() {
            super("fc_player_skills");
        }
    }

    /** A rating of a player's skill: a foreign key of two columns to the join table. */
    public static final class Ratings extends Table<Rating, Long> {
        public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        public final Column<Long> tenantId = bigint("tenant_id").notNull();
        public final Column<Long> playerId = bigint("player_id").notNull();
        public final Column<Long> skillId = bigint("skill_id").notNull();
        public final Column<Integer> stars = integer("stars").notNull();
        public final ForeignKey skill = foreignKey(List.of(playerId, skillId),
                () -> List.of(PLAYER_SKILLS.playerId, PLAYER_SKILLS.skillId), ReferentialAction.CASCADE,
                ReferentialAction.NO_ACTION);

        private Ratings() {
            super("fc_ratings");
        }
    }

    /** Staff as {@link Row}s, with a salary a facet may hide. */
    public static final class Staff extends Table<Row, Long> {
        public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        public final Column<Long> tenantId = bigint("tenant_id").notNull();
        public final Column<String> name = varchar("name", 100).notNull();
        public final Column<Integer> salary = integer("salary");
        public final Column<Integer> grade = integer("grade").defaultValue(3);

        private Staff() {
            super("fc_staff");
        }
    }

    public static final Teams TEAMS = new Teams();
    public static final Staff STAFF = new Staff();
    public static final Ratings RATINGS = new Ratings();
    public static final Players PLAYERS = new Players();
    public static final Skills SKILLS = new Skills();
    public static final PlayerSkills PLAYER_SKILLS = new PlayerSkills();

    public static Schema schema() {
        return Schema.of(TEAMS, PLAYERS, SKILLS, PLAYER_SKILLS, STAFF, RATINGS);
    }

    /**
     * The facet a request of tenant {@code id} gets: its own rows of every table, and every write granted. The
     * schema's keys span tenants (a team code unique across them, foreign keys without the tenant column), and the
     * facet shares them, so that the escape tests reach every path; {@link FacetInferenceTest} tests them unshared.
     */
    public static Facet tenant(Session session, long id) {
        Operation[] all = Operation.values();
        return Facet.restrictive(session)
                .shares(TEAMS.code).shares(PLAYERS.teamId)
                .shares(PLAYER_SKILLS.playerId).shares(PLAYER_SKILLS.skillId)
                .shares(PLAYER_SKILLS.playerId, PLAYER_SKILLS.skillId).shares(RATINGS.playerId, RATINGS.skillId)
                .table(TEAMS, t -> t.where(TEAMS.tenantId, id).allow(all))
                .table(PLAYERS, t -> t.where(PLAYERS.tenantId, id).allow(all))
                .table(SKILLS, t -> t.where(SKILLS.tenantId, id).allow(all))
                .table(PLAYER_SKILLS, t -> t.where(PLAYER_SKILLS.tenantId, id).allow(all))
                .table(RATINGS, t -> t.where(RATINGS.tenantId, id).allow(all))
                .build();
    }
}
