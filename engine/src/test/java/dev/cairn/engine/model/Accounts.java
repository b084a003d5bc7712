package dev.cairn.engine.model;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.lifecycle.Event;
import dev.cairn.dsl.lifecycle.Scenario;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Accounts with validation rules of every kind, held in a mutable class (whose transient confirmation field is not
 * a column), and articles with lifecycle hooks that fill timestamps and write an audit trail.
 */
public final class Accounts {
    private Accounts() {
    }

    /** A mutable row type: keys and defaults are set on the object itself. */
    public static final class Account {
        public Long id;
        public String email;
        public String name;
        public String password;
        public String code;
        public String deletedReason;
        public Integer age;
        public transient String passwordConfirmation;

        public Account() {
        }

        public Account(String email, String name, String password, String confirmation) {
            this.email = email;
            this.name = name;
            this.password = password;
            this.passwordConfirmation = confirmation;
            this.code = "AB";
        }
    }

    public static final class AccountTable extends Table<Account, Long> {
        public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        public final Column<String> email = varchar("email", 200).notNull().unique();
        public final Column<String> name = varchar("name", 100);
        public final Column<String> password = varchar("password", 100);
        public final Column<String> code = fixedChar("code", 2);
        public final Column<String> deletedReason = varchar("deleted_reason", 100);
        public final Column<Integer> age = integer("age");

        private AccountTable() {
            super("accounts");
            validate(email).present().format("[^@\\s]+@[^@\\s]+\\.[a-z]+", "is not an email address");
            validate(name).present().message("needs a name").length(2, 20);
            validate(password).minLength(8).on(Scenario.CREATE).confirmedBy(a -> a.passwordConfirmation).on(Scenario.CREATE);
            validate(code).exactLength(2);
            validate(deletedReason).absent().on(Scenario.CREATE);
            validate(age).satisfies(a -> a >= 18, "must be an adult");
            validate(name).satisfies(n -> !n.equalsIgnoreCase("admin")).on(Scenario.named("signup"));
            validateRow("email", a -> a.name == null || a.email == null || !a.email.startsWith(a.name + "@"),
                    "must not be made of the name");
        }
    }

    public static final AccountTable ACCOUNTS = new AccountTable();

    public record Article(Long id, String title, Instant createdAt, Instant updatedAt, Integer revision) {
        public Article withTitle(String t) {
            return new Article(id, t, createdAt, updatedAt, revision);
        }
    }

    public record Audit(Long id, String entry) {
    }

    public static final class Audits extends Table<Audit, Long> {
        public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        public final Column<String> entry = varchar("entry", 200).notNull();

        private Audits() {
            super("audits");
        }
    }

    public static final Audits AUDITS = new Audits();

    /** The events the article hooks saw, in order, for tests of their order. */
    public static final List<String> SEEN = Collections.synchronizedList(new ArrayList<>());

    public static final class Articles extends Table<Article, Long> {
        public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        public final Column<String> title = varchar("title", 200).notNull();
        public final Column<Instant> createdAt = timestamp("created_at");
        public final Column<Instant> updatedAt = timestamp("updated_at");
        public final Column<Integer> revision = integer("revision");

        private Articles() {
            super("articles");
            validate(title).present();
            before(Event.VALIDATE, a -> seen("before validate", a));
            after(Event.VALIDATE, a -> seen("after validate", a));
            before(Event.SAVE, a -> seen("before save", a));
            before(Event.CREATE, a -> {
                seen("before create", a);
                Instant now = Instant.parse("2026-01-02T03:04:05Z");
                return new Article(a.id(), a.title(), now, now, 1);
            });
            before(Event.UPDATE, a -> {
                seen("before update", a);
                return new Article(a.id(), a.title(), a.createdAt(), Instant.parse("2026-02-03T04:05:06Z"),
                        a.revision() == null ? 1 : a.revision() + 1);
            });
            after(Event.CREATE, (a, executor) -> {
                seen("after create", a);
                dev.cairn.dsl.query.Insert.into(AUDITS, executor).row(new Audit(null, "created " + a.title())).execute();
                if (a.title().contains("forbidden")) {
                    throw new IllegalStateException("Titles may not be forbidden");
                }
            });
            after(Event.UPDATE, a -> seen("after update", a));
            after(Event.SAVE, a -> seen("after save", a));
            before(Event.REMOVE, a -> seen("before remove", a));
            after(Event.REMOVE, (a, executor) -> {
                seen("after remove", a);
                dev.cairn.dsl.query.Insert.into(AUDITS, executor).row(new Audit(null, "removed " + a.title())).execute();
            });
        }

        private static Article seen(String event, Article a) {
            SEEN.add(event);
            return a;
        }
    }

    public static final Articles ARTICLES = new Articles();
}
