package dev.cairn.examples.teams;

import static dev.cairn.examples.teams.Memberships.MEMBERSHIPS;
import static dev.cairn.examples.teams.Players.PLAYERS;
import static dev.cairn.examples.teams.Sponsors.SPONSORS;
import static dev.cairn.examples.teams.Teams.TEAMS;

import dev.cairn.dsl.Schema;
import dev.cairn.dsl.query.Graph;
import dev.cairn.engine.BatchResult;
import dev.cairn.engine.Database;
import dev.cairn.engine.exception.ValidationException;
import dev.cairn.examples.ExampleDatabase;
import dev.cairn.schema.SyncMode;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A league with the object API: teams and players linked through a join table, and sponsors of players. One batch
 * stores the whole league, keys and links included; a transaction moves a player between teams, and another one,
 * broken by a validation rule, leaves nothing behind. Then it loads teams with their players and each player's
 * sponsors (nested eager loading), and finds the teams that have a player backed by a given sponsor. Runs on an
 * embedded H2 database; pass a JDBC URL (and user, password) to run it on MariaDB or MySQL:
 *
 * <pre>
 * mvn -q -pl examples -am install -DskipTests
 * mvn -q -pl examples exec:java -Dexample.main=dev.cairn.examples.teams.TeamsExample
 * mvn -q -pl examples exec:java -Dexample.main=dev.cairn.examples.teams.TeamsExample \
 *     -Dexec.args="jdbc:mysql://127.0.0.1:3306/test root ''"
 * </pre>
 */
public final class TeamsExample {
    private TeamsExample() {
    }

    /** What the run ended with: the rejected player's messages, Globex rows left, the roster, Umbrella's teams. */
    record Outcome(List<String> rejected, long globexSponsors, Graph<Team> roster, List<Team> umbrellaTeams) {
    }

    public static void main(String[] args) {
        run(args, System.out);
    }

    static Outcome run(String[] args, PrintStream out) {
        try (Database db = ExampleDatabase.open(args, Schema.of(TEAMS, PLAYERS, MEMBERSHIPS, SPONSORS))) {
            out.println("Connected to " + db.dialect());
            db.sync(SyncMode.APPLY_SAFE);
            out.println("Schema: " + db.lastSync());
            // A server database outlives the program: start each run from empty tables, children first.
            for (var table : List.of(SPONSORS, MEMBERSHIPS, PLAYERS, TEAMS)) {
                db.deleteFrom(table).all().execute();
            }

            Team lions = Team.of("Lions", "Leeds");
            Team owls = Team.of("Owls", "Oxford");
            Player ana = Player.of("  Ana Silva ", 9);
            Player ben = Player.of("Ben Okafor", 4);
            Player chloe = Player.of("Chloe Martin", 1);
            Player dev = Player.of("Dev Patel", 10);
            Sponsor acme = Sponsor.of("Acme");
            Sponsor initech = Sponsor.of("Initech");
            Sponsor umbrella = Sponsor.of("Umbrella");
            // None of these rows has an id yet. The batch stores them in queue order, one transaction for all, and
            // fills in each key when a later link needs it.
            BatchResult league = db.batch(b -> {
                List.of(lions, owls).forEach(b::persist);
                List.of(ana, ben, chloe, dev).forEach(b::persist);
                b.link(lions, TEAMS.players, ana);
                b.link(lions, TEAMS.players, ben);
                b.link(owls, TEAMS.players, chloe);
                b.link(owls, TEAMS.players, dev);
                List.of(acme, initech, umbrella).forEach(b::persist);
                // A link is made from either side of a relation: from the sponsor that holds the key, or from the
                // player who has many sponsors.
                b.link(acme, SPONSORS.player, ana);
                b.link(chloe, PLAYERS.sponsors, initech);
                b.link(ben, PLAYERS.sponsors, umbrella);
            });
            out.println("One batch ran " + league.operations() + " operations");
            out.println("Stored as '" + league.stored(ana).name() + "' (the hook trimmed the name)");

            List<String> rejected = List.of();
            try {
                db.persist(Player.of(" X ", 120));
            } catch (ValidationException e) {
                rejected = e.errors().fullMessages();
                out.println("Rejected a player: " + String.join("; ", rejected));
            }

            // On db each statement commits by itself; in a transaction they share one connection and commit
            // together, so no reader ever sees Ben in both teams or in neither.
            Team from = league.stored(lions);
            Team to = league.stored(owls);
            Player moving = league.stored(ben);
            db.transaction(tx -> {
                tx.unlink(from, TEAMS.players, moving);
                tx.link(to, TEAMS.players, moving);
            });
            out.println(moving.name() + " now plays for "
                    + db.related(moving, PLAYERS.teams).stream().map(Team::name).collect(Collectors.joining(", ")));

            try {
                db.transaction(tx -> {
                    tx.persist(new Sponsor(null, moving.id(), "Globex"));
                    tx.persist(Player.of("Eve", 0));
                });
            } catch (ValidationException e) {
                out.println("Rolled back: " + e.getMessage());
            }
            long globex = db.selectFrom(SPONSORS).where(SPONSORS.name.eq("Globex")).count();
            out.println("Globex sponsors after the rollback: " + globex);

            // Three queries in all (teams, their players, those players' sponsors), however many rows each returns.
            Graph<Team> roster = db.selectFrom(TEAMS).orderBy(TEAMS.name.asc())
                    .with(TEAMS.players.orderBy(PLAYERS.name.asc()).with(PLAYERS.sponsors))
                    .fetch();
            out.println("Roster:");
            for (Team t : roster) {
                out.println("  " + t.name() + " (" + t.city() + ")");
                for (Player p : roster.get(t, TEAMS.players)) {
                    String sponsors = roster.get(p, PLAYERS.sponsors).stream().map(Sponsor::name)
                            .collect(Collectors.joining(", "));
                    out.println("    #" + p.shirtNumber() + " " + p.name()
                            + (sponsors.isEmpty() ? "" : ", sponsored by " + sponsors));
                }
            }

            // Two nested EXISTS: a team comes once, however many of its players the sponsor backs.
            List<Team> umbrellaTeams = db.selectFrom(TEAMS)
                    .where(TEAMS.players.any(PLAYERS.sponsors.any(SPONSORS.name.eq("Umbrella"))))
                    .orderBy(TEAMS.name.asc())
                    .fetch();
            out.println("Teams with a player sponsored by Umbrella: "
                    + umbrellaTeams.stream().map(Team::name).collect(Collectors.joining(", ")));
            return new Outcome(rejected, globex, roster, umbrellaTeams);
        }
    }
}
