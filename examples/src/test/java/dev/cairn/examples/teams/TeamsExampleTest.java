package dev.cairn.examples.teams;

import static dev.cairn.examples.teams.Players.PLAYERS;
import static dev.cairn.examples.teams.Teams.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dsl.query.Graph;
import dev.cairn.examples.ServerDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

class TeamsExampleTest {

    @Test
    void runsTheLeagueOnEmbeddedH2() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TeamsExample.Outcome outcome = TeamsExample.run(new String[0],
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(outcome.rejected())
                .containsExactly("name must be at least 2 characters", "shirtNumber must be from 1 to 99");
        assertThat(outcome.globexSponsors()).isZero();

        Graph<Team> roster = outcome.roster();
        assertThat(roster.rows()).extracting(Team::name).containsExactly("Lions", "Owls");
        Team lions = roster.rows().get(0);
        Team owls = roster.rows().get(1);
        assertThat(roster.get(lions, TEAMS.players)).extracting(Player::name).containsExactly("Ana Silva");
        List<Player> owlsPlayers = roster.get(owls, TEAMS.players);
        assertThat(owlsPlayers).extracting(Player::name).containsExactly("Ben Okafor", "Chloe Martin", "Dev Patel");
        assertThat(roster.get(owlsPlayers.get(0), PLAYERS.sponsors)).extracting(Sponsor::name)
                .containsExactly("Umbrella");
        assertThat(roster.get(owlsPlayers.get(2), PLAYERS.sponsors)).isEmpty();

        assertThat(outcome.umbrellaTeams()).extracting(Team::name).containsExactly("Owls");

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("Connected to H2")
                .contains("One batch ran 16 operations")
                .contains("Stored as 'Ana Silva' (the hook trimmed the name)")
                .contains("Ben Okafor now plays for Owls")
                .contains("Rolled back: Cannot insert into 'players': shirtNumber must be from 1 to 99")
                .contains("Globex sponsors after the rollback: 0")
                .contains("    #9 Ana Silva, sponsored by Acme")
                .contains("    #10 Dev Patel" + System.lineSeparator())
                .contains("Teams with a player sponsored by Umbrella: Owls");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "CAIRN_MYSQL_URL", matches = ".+")
    void runsTwiceOnTheSameServerDatabase() throws Exception {
        ServerDatabase.with("cairn_teams", args -> {
            for (int run = 0; run < 2; run++) {
                TeamsExample.Outcome outcome = TeamsExample.run(args, new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8));
                assertThat(outcome.roster().rows()).extracting(Team::name).containsExactly("Lions", "Owls");
                assertThat(outcome.umbrellaTeams()).extracting(Team::name).containsExactly("Owls");
            }
        });
    }
}
