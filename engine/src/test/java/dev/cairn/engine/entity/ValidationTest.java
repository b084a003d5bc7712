package dev.cairn.engine.entity;

import static dev.cairn.engine.model.Accounts.ACCOUNTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.DefinitionException;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.lifecycle.Scenario;
import dev.cairn.dsl.lifecycle.ValidationErrors;
import dev.cairn.dsl.query.Changes;
import dev.cairn.engine.Database;
import dev.cairn.engine.exception.ValidationException;
import dev.cairn.engine.model.Accounts.Account;
import dev.cairn.engine.testing.DatabaseTest;
import dev.cairn.engine.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** M6: rules declared in the table, run before every write; a failure writes nothing and names every field. */
class ValidationTest {

    private static Account valid() {
        return new Account("ann@example.com", "Ann", "long-secret", "long-secret");
    }

    @DatabaseTest
    void validateReportsEveryFailureByField(TestDatabase t) {
        Database db = t.open(Schema.of(ACCOUNTS)).createMissingTables();
        assertThat(db.validate(valid(), Scenario.CREATE).isEmpty()).isTrue();

        Account bad = new Account("not-an-email", "A", "short", "other");
        bad.code = "ABC";
        bad.deletedReason = "spam";
        bad.age = 12;
        ValidationErrors errors = db.validate(bad, Scenario.CREATE);
        assertThat(errors.byField()).containsExactly(
                Map.entry("email", List.of("is not an email address")),
                Map.entry("name", List.of("must be at least 2 characters")),
                Map.entry("password", List.of("must be at least 8 characters", "does not match its confirmation")),
                Map.entry("code", List.of("must be exactly 2 characters")),
                Map.entry("deletedReason", List.of("must be absent")),
                Map.entry("age", List.of("must be an adult")));

        Account empty = new Account(null, " ", "long-secret", "long-secret");
        assertThat(db.validate(empty, Scenario.CREATE).byField())
                .containsEntry("email", List.of("is required"))
                .containsEntry("name", List.of("needs a name", "must be at least 2 characters"));
        Account madeOfName = new Account("ann@example.com", "ann", "long-secret", "long-secret");
        assertThat(db.validate(madeOfName, Scenario.CREATE).fullMessages())
                .containsExactly("email must not be made of the name");
    }

    @DatabaseTest
    void scenariosChooseTheRules(TestDatabase t) {
        Database db = t.open(Schema.of(ACCOUNTS)).createMissingTables();
        Account a = valid();
        a.password = "short";
        a.passwordConfirmation = null;
        a.deletedReason = "moved away";
        assertThat(db.validate(a, Scenario.CREATE).byField().keySet()).containsExactly("password", "deletedReason");
        assertThat(db.validate(a, Scenario.UPDATE).isEmpty()).isTrue();
        Account admin = valid();
        admin.name = "Admin";
        assertThat(db.validate(admin, Scenario.CREATE).isEmpty()).isTrue();
        assertThat(db.validate(admin, Scenario.named("signup")).fullMessages()).containsExactly("name is not valid");
    }

    @DatabaseTest
    void failedRulesWriteNothing(TestDatabase t) {
        Database db = t.open(Schema.of(ACCOUNTS)).createMissingTables();
        Account bad = new Account("nope", null, "short", "short");
        assertThatThrownBy(() -> db.persist(bad)).isInstanceOf(ValidationException.class)
                .hasMessage("Cannot insert into 'accounts': email is not an email address; name needs a name;"
                        + " password must be at least 8 characters")
                .satisfies(e -> assertThat(((ValidationException) e).errors().byField()).hasSize(3));
        assertThat(db.selectFrom(ACCOUNTS).count()).isZero();
        assertThat(bad.id).isNull();

        Account ok = db.persist(valid());
        ok.name = "x";
        assertThatThrownBy(() -> db.update(ok)).isInstanceOf(ValidationException.class)
                .hasMessage("Cannot update 'accounts': name must be at least 2 characters");
        assertThatThrownBy(() -> db.save(ok)).isInstanceOf(ValidationException.class)
                .hasMessage("Cannot save into 'accounts': name must be at least 2 characters");
        assertThatThrownBy(() -> db.update(ACCOUNTS, ok.id, Changes.of(ACCOUNTS.email, "broken")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Cannot update 'accounts': email is not an email address");
        assertThat(db.find(ACCOUNTS, ok.id).name).isEqualTo("Ann");
        assertThat(db.find(ACCOUNTS, ok.id).email).isEqualTo("ann@example.com");
        // Only the changed column's rules run: the password rules are for creation and need the whole row.
        db.update(ACCOUNTS, ok.id, Changes.of(ACCOUNTS.name, "Anne"));
        assertThat(db.find(ACCOUNTS, ok.id).name).isEqualTo("Anne");
    }

    @DatabaseTest
    void objectWritesAlwaysRunTheRulesAndStatementsNever(TestDatabase t) {
        Database db = t.open(Schema.of(ACCOUNTS)).createMissingTables();
        Account nameless = new Account("ann@example.com", "", "long-secret", "long-secret");
        assertThatThrownBy(() -> db.persist(nameless)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> db.transaction(tx -> tx.persist(nameless))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> db.batch(b -> b.persist(nameless))).isInstanceOf(ValidationException.class);
        assertThat(db.selectFrom(ACCOUNTS).count()).isZero();

        // A statement is SQL, said as such: it writes what it is given, as the database's constraints allow.
        assertThat(db.insertInto(ACCOUNTS).row(nameless).execute()).isEqualTo(1);
        assertThat(db.updateTable(ACCOUNTS).set(ACCOUNTS.email, "broken").all().execute()).isEqualTo(1);
        assertThat(db.selectFrom(ACCOUNTS).one().email).isEqualTo("broken");
    }

    public record Note(Long id, Integer size, String body) {
    }

    @Test
    void badRulesFailWhereTheyAreDeclared() {
        assertThatThrownBy(() -> new Table<Note, Void>("notes") {
            final Column<Integer> size = integer("size");
            {
                validate(size).length(1, 3);
            }
        }).isInstanceOf(DefinitionException.class)
                .hasMessage("Invalid model: table 'notes', column 'size': length(...) measures text, binary or sets;"
                        + " the column holds Integer");
        assertThatThrownBy(() -> new Table<Note, Void>("notes") {
            final Column<String> body = text("body");
            {
                validate(body).format("[a-");
            }
        }).isInstanceOf(DefinitionException.class).hasMessageContaining("format(...) has an invalid regular expression");
        assertThatThrownBy(() -> new Table<Note, Void>("notes") {
            final Column<String> body = text("body");
            {
                validate(body).on(Scenario.CREATE);
            }
        }).isInstanceOf(DefinitionException.class).hasMessageContaining("on(...) follows a rule, such as present()");
    }
}
