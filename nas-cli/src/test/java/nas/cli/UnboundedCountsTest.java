package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts that only make a run longer have no limit of their own (README "Sizes have limits"): a huge one is a long
 * run, which SIGTERM ends at once, mid-evaluation, with exit 143 (these commands wait for no unit of work).
 */
class UnboundedCountsTest {

    @TempDir
    Path dir;

    @Test
    void neatWithTwoBillionTrainingStepsAnEvaluationAndGaWithTwoBillionEpochsEndAtOnceOnSigterm() throws Exception {
        assertEndsAtOnce(CliProcess.start(dir, "neat", "--steps", "2000000000", "-g", "1", "-p", "4", "-t", "1",
                "--picture", "none", "-o", dir.resolve("net.json").toString()), "nas neat: ");
        assertEndsAtOnce(CliProcess.start(dir, "ga", "--optimizer", "adam", "--epochs", "2000000000"), "nas ga: ");
        assertEndsAtOnce(CliProcess.start(dir, "run", "-g", "2000000000", "-p", "4", "-t", "1", "--seeds", "1000",
                "--results-dir", dir.resolve("results").toString(), "-q"), null);
    }

    /** Once it is under way (its first line on stderr, or 3 s), SIGTERM: it ends within 10 s with 143. */
    private static void assertEndsAtOnce(CliProcess p, String started) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (started != null && !p.errorOutput().startsWith(started) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(3000);
        assertThat(p.isAlive()).as(p.errorOutput()).isTrue();
        long signalled = System.nanoTime();
        p.signal("TERM");
        CliProcess.Result r = p.await(10);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(143);
        assertThat((System.nanoTime() - signalled) / 1e9).isLessThan(10.0);
    }
}
