package nas.api.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.Trial;
import nas.api.json.Json;
import nas.api.sampler.RandomSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import nas.api.testing.LogCapture;
import java.util.logging.Level;

class RunArtifactsTest {

    @TempDir
    Path dir;

    private static double quadratic(Trial t) {
        double x = t.suggestFloat("x", -1, 1);
        if (t.number() == 2) {
            throw new IllegalStateException("broken");
        }
        return x * x;
    }

    @Test
    void progressHasOneRowPerFinishedTrialAndBestJsonTheBest() throws Exception {
        FileSystemArtifactStore store = FileSystemArtifactStore.of(dir, "s");
        RunArtifacts artifacts = new RunArtifacts(store);
        Study study = Studies.builder("s").sampler(new RandomSampler(4)).create();
        study.enqueueTrial(Map.of("x", 0.5), Map.of(RunArtifacts.BASELINE_ATTR, true));
        artifacts.start(study, Map.of("command", List.of("nas", "search")));
        try (LogCapture log = LogCapture.start()) {
            study.optimize(RunArtifactsTest::quadratic, OptimizeOptions.trials(5).withCallback(artifacts));
            assertThat(log.messages(Level.WARNING))
                    .containsExactly("trial 2 of study 's' failed: java.lang.IllegalStateException: broken");
        }

        List<String> lines = Files.readAllLines(store.runFile("progress.csv"));
        assertThat(lines.get(0)).isEqualTo("number,generation,status,value,seconds,baseline,failure,directory");
        assertThat(lines).hasSize(6);
        assertThat(lines.get(1)).startsWith("0,,COMPLETE,0.25,").contains(",true,");
        assertThat(lines.get(3)).startsWith("2,,FAIL,,").contains(",false,");
        Map<?, ?> best = (Map<?, ?>) Json.read(Files.readString(store.runFile("best.json")));
        FrozenTrial b = study.bestTrial();
        assertThat(best.get("number")).isEqualTo((long) b.number());
        assertThat(best.get("value")).isEqualTo(b.value());
        assertThat(((Map<?, ?>) best.get("baseline")).get("value")).isEqualTo(0.25);
        Map<?, ?> run = (Map<?, ?>) Json.read(Files.readString(store.runFile("run.json")));
        assertThat(run.get("study")).isEqualTo("s");
        assertThat(run.get("command")).isEqualTo(List.of("nas", "search"));
    }

    @Test
    void aRowCutShortByAKillIsWrittenAgainAndNoRowTwice() throws Exception {
        FileSystemArtifactStore store = FileSystemArtifactStore.of(dir, "s");
        Study study = Studies.builder("s").sampler(new RandomSampler(4)).create();
        study.optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.trials(3));
        Files.createDirectories(store.root());
        String header = "number,generation,status,value,seconds,baseline,failure,directory\n";
        Files.writeString(store.runFile("progress.csv"), header + "0,,COMPLETE,0.1,0.001,false,,\n1,,COMP");
        RunArtifacts artifacts = new RunArtifacts(store);
        artifacts.sync(study);
        artifacts.sync(study);
        List<String> lines = Files.readAllLines(store.runFile("progress.csv"));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).isEqualTo("0,,COMPLETE,0.1,0.001,false,,"); // kept as it was
        assertThat(lines.subList(2, 4)).extracting(l -> l.split(",")[0]).containsExactly("1", "2");
        assertThat(lines.get(2)).startsWith("1,,COMPLETE," + study.trials().get(1).value() + ",");
    }

    @Test
    void twoWritersOfOneStudyNeverWriteARowTwice() throws Exception {
        FileSystemArtifactStore store = FileSystemArtifactStore.of(dir, "s");
        Study study = Studies.builder("s").sampler(new RandomSampler(4)).create();
        RunArtifacts a = new RunArtifacts(store);
        RunArtifacts b = new RunArtifacts(store); // e.g. a second worker process
        study.optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.trials(2));
        a.sync(study);
        b.sync(study);
        study.optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.trials(1));
        b.sync(study);
        a.sync(study);
        study.optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.trials(1));
        a.sync(study);
        b.sync(study);
        List<String> lines = Files.readAllLines(store.runFile("progress.csv"));
        assertThat(lines.subList(1, lines.size())).extracting(l -> l.split(",")[0])
                .containsExactly("0", "1", "2", "3");
    }

    @Test
    void theStoreListsAndOpensATrialsFilesAndKeepsUploads() throws Exception {
        FileSystemArtifactStore store = FileSystemArtifactStore.of(dir.resolve("runs"), "a/b");
        Path model = dir.resolve("model.bin");
        Files.write(model, new byte[] {1, 2, 3});
        Study study = Studies.builder("a/b").create();
        study.optimize(t -> {
            store.upload(t, model);
            return t.suggestFloat("x", 0, 1);
        }, OptimizeOptions.trials(1));
        FrozenTrial t = study.trials().get(0);
        assertThat(store.root().getFileName().toString()).isEqualTo(TrialDirectory.safeName("a/b"));
        assertThat(store.trialDirectory(t)).contains(store.root().resolve("trial-00000"));
        assertThat(store.list(t)).containsExactly("model.bin");
        assertThat(Files.readAllBytes(store.get(t, "model.bin"))).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> store.get(t, "../../model.bin")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a file name inside");
        assertThatThrownBy(() -> store.get(t, "none.txt")).hasMessageContaining("has no file 'none.txt'");
        assertThatThrownBy(() -> store.runFile("../x")).isInstanceOf(IllegalArgumentException.class);
    }
}
