package nas.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {

    @TempDir
    Path dir;

    @Test
    void aResultsFileIsReadableByOthersAsAnyDocumentAndRewrittenWhole() throws Exception {
        Path file = dir.resolve("results/run.json");
        ResultsFile.write(file, Map.of("generation", 1));
        ResultsFile.write(file, Map.of("generation", 2));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        assertThat(Files.readString(file)).contains("\"generation\" : 2");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void theTemporaryFilesAKilledWriteLeftAreRemovedOnceStaleAndNothingElse() throws Exception {
        // a SIGKILL during a write left the first (named as before), as a real 'nas run' did:
        // pure_baseline_20261206_092853.json1224206286895089840.tmp, 0 bytes, next to the results file
        java.time.Instant now = java.time.Instant.parse("2026-12-06T10:00:00Z");
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(now.minus(ResultsFile.STALE));
        java.nio.file.attribute.FileTime young = java.nio.file.attribute.FileTime.from(
                now.minus(ResultsFile.STALE).plusSeconds(1));
        Path killedBefore = Files.createFile(dir.resolve("pure_baseline_20261206_092853.json1224206286895089840.tmp"));
        Path killed = Files.createFile(dir.resolve("pure_baseline_20261206_092853.json.partial-77.tmp"));
        Path writing = Files.createFile(dir.resolve("pure_baseline_20261206_095959.json.partial-78.tmp"));
        Path results = Files.writeString(dir.resolve("pure_baseline_20261206_092853.json"), "{}");
        Path other = Files.createFile(dir.resolve("notes.tmp"));
        Path otherJson = Files.createFile(dir.resolve("notes.json.tmp"));
        for (Path p : java.util.List.of(killedBefore, killed, results, other, otherJson)) {
            Files.setLastModifiedTime(p, old);
        }
        Files.setLastModifiedTime(writing, young); // a live writer's, written 59m59s ago at the oldest
        assertThat(ResultsFile.removeStale(dir, now)).containsExactlyInAnyOrder(killedBefore, killed);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(writing, results, other, otherJson);
        }
        assertThat(ResultsFile.removeStale(dir.resolve("missing"), now)).isEmpty();
    }
}
