package nas.api.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import nas.api.FrozenTrial;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.exception.DuplicateStudyException;
import nas.api.exception.TrialPrunedException;
import nas.api.json.Json;
import nas.api.sampler.RandomSampler;
import nas.api.storage.InMemoryStorage;
import nas.api.storage.Storage;
import nas.api.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyTransferTest {

    /** A study with every kind of content: states, NaN reports, attributes, constraints, an enqueued trial. */
    static Study richStudy(Storage storage) {
        Study study = Studies.builder("rich").storage(storage).directions(StudyDirection.MAXIMIZE)
                .sampler(new RandomSampler(3)).create();
        study.setUserAttr("owner", "lab");
        study.setSystemAttr("sampler:state", Map.of("generation", 2L, "mean", List.of(0.1, 0.2)));
        try (LogCapture log = LogCapture.start()) {
            study.optimize(t -> {
                double lr = t.suggestFloat("lr", 1e-4, 1e-1, true);
                int n = t.suggestInt("n", 1, 9, 2);
                Object c = t.suggestCategorical("c", List.<Object>of("a", 2L, true));
                t.suggestFloat("q", 0, 1, 0.25);
                t.setUserAttr("note", "trial " + t.number());
                t.setConstraint(lr - 0.05);
                t.report(lr * n, 0);
                t.report(t.number() % 3 == 0 ? Double.NaN : Double.NEGATIVE_INFINITY, 7);
                if (t.number() % 4 == 1) {
                    throw new TrialPrunedException();
                }
                if (t.number() % 5 == 2) {
                    throw new IllegalStateException("boom");
                }
                return lr / 3 + n + (c.equals(true) ? 1 : 0);
            }, OptimizeOptions.trials(12));
            assertThat(log.messages(Level.WARNING)).containsExactly(
                    "trial 2 of study 'rich' failed: java.lang.IllegalStateException: boom",
                    "trial 7 of study 'rich' failed: java.lang.IllegalStateException: boom");
        }
        study.enqueueTrial(Map.of("lr", 0.01));
        return study;
    }

    @Test
    void exportImportExportIsByteForByte(@TempDir Path dir) throws Exception {
        InMemoryStorage source = new InMemoryStorage();
        Study study = richStudy(source);
        Path first = dir.resolve("rich.json");
        StudyTransfer.write(source, "rich", first);

        InMemoryStorage target = new InMemoryStorage();
        assertThat(StudyTransfer.read(target, first, null)).isEqualTo("rich");
        Path second = dir.resolve("again.json");
        StudyTransfer.write(target, "rich", second);
        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));

        // and the trials themselves: every field, bit for bit
        Study copy = Studies.builder("rich").storage(target).load();
        List<FrozenTrial> a = study.trials();
        List<FrozenTrial> b = copy.trials();
        assertThat(b).hasSize(13);
        for (int i = 0; i < a.size(); i++) {
            FrozenTrial x = a.get(i);
            FrozenTrial y = b.get(i);
            assertThat(y.number()).isEqualTo(x.number());
            assertThat(y.state()).isEqualTo(x.state());
            assertThat(y.values()).isEqualTo(x.values());
            assertThat(y.datetimeStart()).isEqualTo(x.datetimeStart());
            assertThat(y.datetimeComplete()).isEqualTo(x.datetimeComplete());
            assertThat(y.internalParams()).isEqualTo(x.internalParams());
            assertThat(y.distributions()).isEqualTo(x.distributions());
            assertThat(y.userAttrs()).isEqualTo(x.userAttrs());
            assertThat(y.systemAttrs()).isEqualTo(x.systemAttrs());
            assertThat(y.intermediateValues().keySet()).isEqualTo(x.intermediateValues().keySet());
            x.intermediateValues().forEach((step, v) -> assertThat(Double.doubleToRawLongBits(y.intermediateValues()
                    .get(step))).isEqualTo(Double.doubleToRawLongBits(v)));
        }
        assertThat(copy.trials(TrialState.WAITING)).hasSize(1);
        assertThat(copy.trials(TrialState.PRUNED)).isNotEmpty();
        assertThat(copy.trials(TrialState.FAIL)).isNotEmpty();
        assertThat(copy.userAttrs()).isEqualTo(study.userAttrs());
        assertThat(copy.systemAttrs()).isEqualTo(study.systemAttrs());
        assertThat(copy.directions()).containsExactly(StudyDirection.MAXIMIZE);
        assertThat(copy.bestTrial().number()).isEqualTo(study.bestTrial().number());
    }

    @Test
    void theFileIsWhatOptunasCreateTrialTakes(@TempDir Path dir) throws Exception {
        InMemoryStorage source = new InMemoryStorage();
        richStudy(source);
        Path file = dir.resolve("rich.json");
        StudyTransfer.write(source, "rich", file);
        Map<?, ?> tree = (Map<?, ?>) Json.read(Files.readString(file));
        assertThat(tree.get("directions")).isEqualTo(List.of("MAXIMIZE"));
        Map<?, ?> t0 = (Map<?, ?>) ((List<?>) tree.get("trials")).get(0);
        assertThat(t0.keySet().stream().map(String::valueOf).toList()).containsExactly("number", "state", "values", "datetime_start", "datetime_complete",
                "params", "distributions", "intermediate_values", "user_attrs", "system_attrs");
        Map<?, ?> dists = (Map<?, ?>) t0.get("distributions");
        assertThat(dists.get("lr")).isEqualTo(withNullStep(1e-4, 1e-1));
        assertThat(dists.get("n")).isEqualTo(Map.of("name", "IntDistribution",
                "attributes", Map.of("low", 1L, "high", 9L, "log", false, "step", 2L)));
        assertThat(dists.get("c")).isEqualTo(Map.of("name", "CategoricalDistribution",
                "attributes", Map.of("choices", List.of("a", 2L, true))));
        // non-finite numbers as the strings Python's float() reads
        assertThat(Files.readString(file)).contains("\"7\":\"NaN\"").contains("\"7\":\"-Infinity\"");
    }

    private static Map<String, Object> withNullStep(double low, double high) {
        Map<String, Object> a = new java.util.LinkedHashMap<>();
        a.put("low", low);
        a.put("high", high);
        a.put("log", true);
        a.put("step", null);
        return Map.of("name", "FloatDistribution", "attributes", a);
    }

    @Test
    void copyKeepsEverythingAndRefusesToOverwrite() {
        InMemoryStorage source = new InMemoryStorage();
        Study study = richStudy(source);
        InMemoryStorage target = new InMemoryStorage();
        assertThat(StudyTransfer.copy(source, "rich", target, "rich-2")).isEqualTo("rich-2");
        assertThat(StudyTransfer.toJson(StudyTransfer.export(target, "rich-2")))
                .isEqualTo(StudyTransfer.toJson(StudyTransfer.export(source, "rich")).replace("\"rich\"", "\"rich-2\""));
        assertThatThrownBy(() -> StudyTransfer.copy(source, "rich", target, "rich-2"))
                .isInstanceOf(DuplicateStudyException.class);
        assertThatThrownBy(() -> StudyTransfer.load(target, Map.of("format", "other"), null))
                .hasMessageContaining("not a NAS study export");
        // the copy goes on where the original stopped: its enqueued trial 12 runs next, with its fixed lr
        Study resumed = Studies.builder("rich-2").storage(target).load();
        resumed.optimize(t -> t.suggestFloat("lr", 1e-4, 1e-1, true), 1);
        assertThat(resumed.trials().get(12).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(resumed.trials().get(12).param("lr")).isEqualTo(0.01);
        assertThat(study.trials()).hasSize(13);
    }

    @Test
    void aFileThatCannotBeReadOrWrittenSaysWhy(@TempDir Path dir) {
        Storage storage = new InMemoryStorage();
        Studies.builder("s").storage(storage).create().optimize(t -> t.suggestFloat("x", 0, 1), 2);
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> StudyTransfer.read(new InMemoryStorage(), missing, null))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessage("cannot read " + missing + ": no such file or directory");
        Path nowhere = dir.resolve("no/such/s.json");
        assertThatThrownBy(() -> StudyTransfer.write(storage, "s", nowhere))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessage("cannot write " + nowhere + ": no such file or directory");
    }
}
