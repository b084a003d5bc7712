package dev.cairn.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Condition.Exists;
import dev.cairn.dsl.Condition.InSelect;
import dev.cairn.dsl.Condition.Junction;
import dev.cairn.dsl.SelectStatement.Projection;
import dev.cairn.dsl.query.Select;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The AST: closed kinds of node, each walked by a visitor method, and a SELECT held as one immutable value. */
class StatementTest {
    public record Team(Long id, String name) {
    }

    public record Player(Long id, Long teamId, String name, Integer age) {
    }

    static final class Teams extends Table<Team, Long> {
        static final Teams TEAMS = new Teams();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> name = varchar("name", 50).notNull();
        final HasMany<Team, Player> players = hasMany(() -> Players.PLAYERS, p -> p.teamId);

        Teams() {
            super("teams");
        }
    }

    static final class Players extends Table<Player, Long> {
        static final Players PLAYERS = new Players();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> teamId = bigint("team_id").references(() -> Teams.TEAMS.id);
        final Column<String> name = varchar("name", 50).notNull();
        final Column<Integer> age = integer("age");

        Players() {
            super("players");
        }
    }

    private static final Teams TEAMS = Teams.TEAMS;
    private static final Players PLAYERS = Players.PLAYERS;

    @Test
    void everyKindOfNodeHasItsVisitorMethod() {
        for (Class<?> root : List.of(Condition.class, Expression.class, Projection.class)) {
            assertThat(root.isSealed()).as(root.getSimpleName()).isTrue();
            Class<?> visitor = Arrays.stream(root.getDeclaredClasses()).filter(c -> c.getSimpleName().equals("Visitor"))
                    .findFirst().orElseThrow();
            Set<Class<?>> visited = Arrays.stream(visitor.getDeclaredMethods()).map(m -> m.getParameterTypes()[0])
                    .collect(Collectors.toSet());
            assertThat(visited).as(root.getSimpleName()).containsExactlyInAnyOrder(root.getPermittedSubclasses());
        }
    }

    @Test
    void aWalkIsAVisitor() {
        Condition c = PLAYERS.age.gt(17).and(PLAYERS.name.startsWith("A").or(PLAYERS.name.isNull()))
                .and(PLAYERS.teamId.in(List.of(1L, 2L)));
        // Counts the bound values by walking the tree, as a dialect does.
        Condition.Visitor<Integer> values = new Condition.Visitor<>() {
            @Override
            public Integer visit(Condition.Comparison x) {
                return x.right() instanceof Expression.Param<?> ? 1 : 0;
            }

            @Override
            public Integer visit(Condition.Junction x) {
                return x.parts().stream().mapToInt(p -> p.accept(this)).sum();
            }

            @Override
            public Integer visit(Condition.Negation x) {
                return x.operand().accept(this);
            }

            @Override
            public Integer visit(Condition.NullCheck x) {
                return 0;
            }

            @Override
            public Integer visit(Condition.InList x) {
                return x.values().size();
            }

            @Override
            public Integer visit(Condition.Between x) {
                return 2;
            }

            @Override
            public Integer visit(Condition.Like x) {
                return 1;
            }

            @Override
            public Integer visit(Condition.InSelect x) {
                return 0;
            }

            @Override
            public Integer visit(Condition.Exists x) {
                return 0;
            }

            @Override
            public Integer visit(Condition.RawCondition x) {
                return x.params().size();
            }

            @Override
            public Integer visit(Condition.Match x) {
                return 1;
            }

            @Override
            public Integer visit(Condition.CaseSensitive x) {
                return 1;
            }
        };
        assertThat(c.accept(values)).isEqualTo(4);
        assertThat(c).isInstanceOf(Junction.class);
        assertThat(((Junction) c).parts()).hasSize(3);
    }

    @Test
    void aSelectWrapsOneImmutableStatement() {
        Select<Player> young = Select.rowsOf(PLAYERS).where(PLAYERS.age.lt(20));
        Select<Player> sorted = young.orderBy(PLAYERS.name.asc()).limit(10);
        assertThat(young.statement().orderBy()).isEmpty();
        assertThat(young.statement().limit()).isNull();
        SelectStatement<Player> s = sorted.statement();
        assertThat(s.from()).isSameAs(PLAYERS);
        assertThat(s.where()).isEqualTo(young.statement().where());
        assertThat(s.orderBy()).hasSize(1);
        assertThat(s.limit()).isEqualTo(10);
        assertThat(s.projection()).isInstanceOf(Projection.Rows.class);
        assertThatThrownBy(() -> s.orderBy().add(PLAYERS.age.desc())).isInstanceOf(UnsupportedOperationException.class);
        assertThat(sorted.forUpdate().skipLocked().statement().lock())
                .isEqualTo(new SelectStatement.Lock(SelectStatement.Lock.Mode.UPDATE, SelectStatement.Lock.Wait.SKIP_LOCKED));
    }

    @Test
    void aSubqueryHoldsTheStatementAsItWasWhenGiven() {
        Select<Long> adults = Select.select(PLAYERS.teamId).from(PLAYERS).where(PLAYERS.age.ge(18));
        Condition withAdults = TEAMS.id.in(adults);
        adults.where(PLAYERS.name.eq("late"));
        InSelect in = (InSelect) withAdults;
        assertThat(in.subquery()).isEqualTo(adults.statement());
        assertThat(((Exists) Condition.exists(adults)).subquery()).isSameAs(adults.statement());
    }

    @Test
    void aRelationFiltersThroughACorrelatedStatement() {
        Exists any = (Exists) TEAMS.players.any(PLAYERS.age.lt(20));
        SelectStatement<?> sub = any.subquery();
        assertThat(sub.from()).isSameAs(PLAYERS);
        assertThat(sub.where()).isInstanceOf(Junction.class);
        assertThat(sub.where().toString()).isEqualTo("(players.team_id = teams.id AND players.age < ?)");
        assertThat(((Exists) TEAMS.players.none()).negated()).isTrue();
    }

    @Test
    void visitorsHaveOneMethodPerKindAndNothingElse() {
        for (Method m : Condition.Visitor.class.getDeclaredMethods()) {
            assertThat(m.getName()).isEqualTo("visit");
            assertThat(m.getParameterCount()).isEqualTo(1);
        }
    }
}
