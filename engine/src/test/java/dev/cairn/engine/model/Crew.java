package dev.cairn.engine.model;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;

/**
 * Departments, their members (a member may have none) and the members' tasks: the small data set the random query
 * test runs its queries over. Most columns are nullable so that conditions meet NULLs.
 */
public final class Crew {
    private Crew() {
    }

    public record Dept(Long id, String name, String city, Integer budget) {
    }

    public record Member(Long id, Long deptId, String name, String nick, Integer age, Long score) {
    }

    public record Task(Long id, Long memberId, String title, Integer points) {
    }

    public static final class Depts extends Table<Dept, Long> {
        public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        public final Column<String> name = varchar("name", 50).notNull();
        public final Column<String> city = varchar("city", 50);
        public final Column<Integer> budget = integer("budget");

        private Depts() {
            super("depts");
        }
    }

    public static final class Members extends Table<Member, Long> {
        public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        public final Column<Long> deptId = bigint("dept_id").references(() -> DEPTS.id);
        public final Column<String> name = varchar("name", 50).notNull();
        public final Column<String> nick = varchar("nick", 50);
        public final Column<Integer> age = integer("age");
        public final Column<Long> score = bigint("score");

        private Members() {
            super("members");
        }
    }

    public static final class Tasks extends Table<Task, Long> {
        public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        public final Column<Long> memberId = bigint("member_id").notNull().references(() -> MEMBERS.id);
        public final Column<String> title = varchar("title", 80).notNull();
        public final Column<Integer> points = integer("points");

        private Tasks() {
            super("tasks");
        }
    }

    public static final Depts DEPTS = new Depts();
    public static final Members MEMBERS = new Members();
    public static final Tasks TASKS = new Tasks();

    public static final Schema SCHEMA = Schema.of(DEPTS, MEMBERS, TASKS);
}
