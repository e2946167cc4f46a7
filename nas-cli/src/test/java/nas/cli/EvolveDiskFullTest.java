package nas.cli;

import static nas.cli.StorageFaultsCliTest.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nas.api.storage.Storage;
import nas.storage.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up while {@code nas evolve} stores a checkpoint (one with every generation, so the failing
 * write is a checkpoint's): one line that says which generations are stored and which checkpoint a resume goes on
 * from, exit 1, the checkpoint before stays usable, and once there is space the
 * resumed run ends exactly as a run that never met a full disk. The small file system is a tmpfs the test mounts.
 */
class EvolveDiskFullTest {

    private static final String[] SETTINGS = {"-c", "pure_baseline", "-p", "16", "-g", "150", "-s", "5",
        "--checkpoint-every", "1", "--frames", "all", "--set", "stagnation_limit=1000", "-t", "2", "-q"};

    @TempDir
    Path dir;

    @Test
    void aFullDiskDuringACheckpointKeepsTheOneBeforeAndTheRunResumesIdentically() throws Exception {
        boolean root = "0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes(),
                StandardCharsets.UTF_8).trim());
        assumeTrue(root || "true".equals(System.getenv("CI")), "mounting a small file system needs root");
        String reference = dir.resolve("reference").toString();
        CliProcess.Result ref = CliProcess.start(dir, args(reference, "--run-id", "r")).await(600);
        assertThat(ref.exitCode()).as(ref.err()).isZero();

        Path mount = Files.createDirectories(dir.resolve("small"));
        sh("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString());
        try {
            String db = mount.resolve("db").toString();
            CliProcess.Result full = CliProcess.start(dir, args(db, "--run-id", "r")).await(600);
            assertThat(full.exitCode()).as(full.err()).isEqualTo(1);
            assertThat(full.err().lines().toList()).as(full.err()).hasSize(1);
            assertThat(full.err()).startsWith("nas: no space left on device for ").contains("db.mv.db");

            sh("mount", "-o", "remount,size=256m", mount.toString());
            int[] before = read(db, s -> new int[] {s.run("r").orElseThrow().generationsDone(),
                s.lastCheckpoint("r").orElseThrow().generation()});
            // the disk filled part-way, after some generations, each stored with its checkpoint
            assertThat(before[0]).isBetween(3, 149);
            assertThat(before[1]).isEqualTo(before[0]);
            // the message says what holds for the run: what is stored and where a resume goes on from
            assertThat(full.err()).contains(": free some space and continue with 'nas evolve --resume r': generations 0 to "
                    + (before[0] - 1) + " are stored and it goes on from the checkpoint before generation " + before[1])
                    .doesNotContain("trial");
            CliProcess.Result resumed = CliProcess.start(dir, "evolve", "--storage", db, "--resume", "r", "-q")
                    .await(600);
            assertThat(resumed.exitCode()).as(resumed.err()).isZero();
            assertThat(resumed.err()).isEmpty();

            List<String> expected = read(reference, EvolveDiskFullTest::trace);
            List<String> actual = read(db, EvolveDiskFullTest::trace);
            assertThat(actual).hasSize(150).isEqualTo(expected);
        } finally {
            StorageServers.stop(dir);
            sh("umount", "-l", mount.toString());
        }
    }

    private static String[] args(String db, String... more) {
        List<String> all = new ArrayList<>(List.of("evolve", "--storage", db));
        all.addAll(List.of(more));
        all.addAll(List.of(SETTINGS));
        return all.toArray(String[]::new);
    }

    /** Per generation: its statistics and every creature's fitness, genome and genome id. */
    private static List<String> trace(RunStore s) {
        List<String> out = new ArrayList<>();
        for (RunStore.Generation g : s.generations("r", 0)) {
            StringBuilder b = new StringBuilder(g.generation() + " " + g.best() + " " + g.mean() + " " + g.diversity());
            for (RunStore.Creature c : s.creatures("r", g.generation())) {
                b.append(' ').append(c.fitness()).append(' ').append(c.genomeId()).append(' ')
                        .append(java.util.Arrays.hashCode(c.genome()));
            }
            out.add(b.toString());
        }
        assertThat(s.run("r").orElseThrow().status()).isEqualTo(RunStore.COMPLETE);
        return out;
    }

    private static <T> T read(String db, java.util.function.Function<RunStore, T> f) {
        try (Storage store = new StorageOptions(db).open()) {
            return f.apply(StorageOptions.runs(store));
        }
    }
}
