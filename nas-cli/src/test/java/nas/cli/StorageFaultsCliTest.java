package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import nas.api.FrozenTrial;
import nas.api.TrialState;
import nas.api.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the CLI says about a damaged database and a full disk: one line, and nothing lost. */
class StorageFaultsCliTest {

    @TempDir
    Path dir;

    private static List<Integer> printedTrials(String out) {
        return out.lines().filter(l -> l.startsWith("trial ")).map(l -> Integer.parseInt(l.split(" ")[1])).toList();
    }

    @Test
    void aDatabaseThatLostItsEndIsRefusedWithExitTwoAndTheLastStoredTrial() throws IOException {
        String db = dir.resolve("cut").toString();
        Path file = dir.resolve("cut.mv.db");
        String[] search = {"search", "--study", "s", "--objective", "sphere", "--dim", "3", "--sampler", "random",
            "--n-trials", "20", "--seed", "3", "--storage", db, "--quiet"};
        assertThat(CliRunner.run(search).exitCode()).isZero();
        Path older = dir.resolve("older.mv.db");
        Files.copy(file, older);
        assertThat(CliRunner.run(search).exitCode()).isZero();
        // the storage server the searches started owns the file: stop it (it stores everything and
        // lets go of the file), as a user restoring a copy would, before the copy goes in place
        StorageServers.stop(dir);
        // a file whose last writes are lost opens as an earlier state of itself: 20 trials of 40
        Files.copy(older, file, StandardCopyOption.REPLACE_EXISTING);
        for (String[] args : new String[][] {{"trials", "--study", "s", "--storage", db},
                {"search", "--study", "s", "--n-trials", "5", "--storage", db}}) {
            CliRunner.Result r = CliRunner.run(args);
            assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
            assertThat(r.err().lines().toList()).hasSize(1);
            assertThat(r.err()).startsWith("nas: the database ").contains("last trial known to be stored: study 's' trial 39");
        }
    }

    @Test
    void aFullDiskSaysSoInOneLineAndLosesNoFinishedTrial() throws Exception {
        boolean root = "0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes(),
                StandardCharsets.UTF_8).trim());
        assumeTrue(root || "true".equals(System.getenv("CI")), "mounting a small file system needs root");
        Path mount = Files.createDirectories(dir.resolve("small"));
        sh("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", mount.toString());
        try {
            String db = mount.resolve("db").toString();
            CliProcess.Result full = CliProcess.start(dir, "search", "--study", "s", "--objective", "sphere", "--dim",
                    "10", "--sampler", "random", "--n-trials", "1000000", "--seed", "4", "--storage", db, "--quiet",
                    "--print-trials").await(600);
            assertThat(full.exitCode()).as(full.err()).isEqualTo(1);
            assertThat(full.err().lines().toList()).as(full.err()).hasSize(1);
            assertThat(full.err()).startsWith("nas: no space left on device for ").contains("db.mv.db");
            List<Integer> printed = printedTrials(full.out());
            assertThat(printed).hasSizeGreaterThan(100);

            sh("mount", "-o", "remount,size=64m", mount.toString());
            try (Storage storage = new StorageOptions(db).openExisting()) {
                long study = storage.findStudy("s").getAsLong();
                List<FrozenTrial> complete = storage.trials(study, Set.of(TrialState.COMPLETE));
                // every trial reported finished is there; the one whose end met the full disk may be too
                List<Integer> stored = complete.stream().map(FrozenTrial::number).toList();
                assertThat(stored).containsAll(printed).hasSizeLessThanOrEqualTo(printed.size() + 1);
                printed = stored;
            }
            CliProcess.Result more = CliProcess.start(dir, "search", "--study", "s", "--n-trials", "20", "--storage", db,
                    "--quiet", "--print-trials").await(300);
            assertThat(more.exitCode()).as(more.err()).isZero();
            assertThat(printedTrials(more.out())).doesNotContainAnyElementsOf(printed).hasSize(20);
        } finally {
            sh("umount", "-l", mount.toString());
        }
    }

    static void sh(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }
}
