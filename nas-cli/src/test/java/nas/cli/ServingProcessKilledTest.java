package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nas.api.FrozenTrial;
import nas.api.TrialState;
import nas.storage.JdbcStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code nas search} processes on one H2 file; the one serving the file to the other is
 * SIGKILLed. The survivor takes the file over, replays the journal the killed one left, and goes
 * on: every trial either process printed is stored with its values, and numbers stay unique.
 *
 * <p>A stress test outside the default run ({@code -Dnas.stress=true} runs it): in about one run
 * in twenty, under load, the file H2 leaves behind after the kill holds a trial row that no
 * transaction can ever lock again (plain H2 2.3.232, 2.4.240 and 2.5.252 all time out updating
 * it), or two rows with one trial number. The survivor then fails after 30 s of lock timeouts.
 * That is H2's recovery of a file whose serving process died mid-store, not something NAS can
 * repair from outside; studies whose workers must survive each other's crashes belong on
 * PostgreSQL.
 */
@EnabledIfSystemProperty(named = "nas.stress", matches = "true")
class ServingProcessKilledTest {

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void theOtherWorkerGoesOnAndNothingPrintedIsLost() throws Exception {
        String url = dir.resolve("shared").toString();
        String[] search = {"search", "--study", "s", "--storage", url, "--objective", "sphere", "--dim", "2",
            "--sampler", "random", "--seed", "3", "--n-trials", "1000000", "--quiet", "--print-trials"};
        CliProcess server = CliProcess.start(dir, search);
        server.awaitOutputLines(50, 60);
        CliProcess client = CliProcess.start(dir, search);
        client.awaitOutputLines(200, 60);
        CliProcess.Result killed = server.kill();
        long printedBefore = client.outputLines();
        client.awaitOutputLines((int) printedBefore + 300, 60);
        CliProcess.Result survivor = client.kill();

        List<String> printed = new java.util.ArrayList<>();
        killed.out().lines().filter(l -> l.startsWith("trial ")).forEach(printed::add);
        List<String> printedBySurvivor = survivor.out().lines().filter(l -> l.startsWith("trial ")).toList();
        assertThat(printedBySurvivor).as(survivor.err()).hasSizeGreaterThanOrEqualTo((int) printedBefore + 300);
        printed.addAll(printedBySurvivor);
        try (JdbcStorage storage = JdbcStorage.open(url, false)) {
            long study = storage.findStudy("s").getAsLong();
            List<FrozenTrial> all = storage.trials(study, Set.of());
            Map<Integer, List<FrozenTrial>> byNumber = new HashMap<>();
            all.forEach(t -> byNumber.computeIfAbsent(t.number(), k -> new java.util.ArrayList<>()).add(t));
            byNumber.values().removeIf(l -> l.size() < 2);
            assertThat(byNumber).as("trials sharing a number").isEmpty();
            Map<Integer, List<Double>> complete = new HashMap<>();
            for (FrozenTrial t : all) {
                if (t.state() == TrialState.COMPLETE) {
                    complete.put(t.number(), t.values());
                }
            }
            for (String line : printed) {
                String[] f = line.split(" ", 4);
                assertThat(complete).as(line).containsKey(Integer.parseInt(f[1]));
                assertThat(complete.get(Integer.parseInt(f[1])).toString()).as(line).isEqualTo(f[3]);
            }
        }
    }
}
