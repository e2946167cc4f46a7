package nas.api.objective.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.TrialState;
import nas.api.json.Json;
import nas.api.objective.ObjectiveDefinition;
import nas.api.objective.ObjectiveOptions;
import nas.api.objective.ObjectivePlugins;
import nas.api.pruner.Pruner;
import nas.api.sampler.RandomSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import nas.api.testing.LogCapture;
import java.util.logging.Level;

/**
 * The options for programs that know nothing of NAS, run on the example training program
 * ({@code examples/pilot/train.py}, Python 3 standard library) and small shell programs.
 */
class PilotOptionsTest {

    static final Path TRAIN = Path.of("../examples/pilot/train.py").toAbsolutePath().normalize();
    static final Path BASE = Path.of("../examples/pilot/base-config.json").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private static final String SPACE = "{\"params\": {\"optimizer.lr\": {\"type\": \"float\", \"low\": 0.01, "
            + "\"high\": 1, \"log\": true}, \"optimizer.momentum\": {\"type\": \"float\", \"low\": 0, \"high\": 0.95}},"
            + " \"defaults\": {\"optimizer.lr\": 0.05, \"optimizer.momentum\": 0.5}}";

    private ObjectiveDefinition objective(String command, String... more) throws Exception {
        Path space = dir.resolve("space.json");
        Files.writeString(space, SPACE);
        Map<String, String> o = new LinkedHashMap<>(Map.of("command", command, "space", space.toString(),
                "workdir", dir.resolve("runs").toString()));
        for (int i = 0; i < more.length; i += 2) {
            o.put(more[i], more[i + 1]);
        }
        return ObjectivePlugins.find("external").create(new ObjectiveOptions(o));
    }

    private ObjectiveDefinition training(String template, String... more) throws Exception {
        String[] all = new String[more.length + 8];
        System.arraycopy(new String[] {"config-template", template, "result-file", "summary.json",
            "result-key", "losses", "result-reduce", "mean-last:3"}, 0, all, 0, 8);
        System.arraycopy(more, 0, all, 8, more.length);
        return objective("python3 " + TRAIN + " --config {config} --seed {seed} --out {trial_dir}", all);
    }

    private Path templateWith(String extra) throws Exception {
        Path t = dir.resolve("base-" + Math.abs(extra.hashCode()) + ".json");
        String base = Files.readString(BASE).trim();
        Files.writeString(t, extra.isEmpty() ? base : base.substring(0, base.length() - 1) + ", " + extra + "}");
        return t;
    }

    @Test
    void theTrainingProgramIsTunedThroughItsConfigFileSummaryAndSeeds() throws Exception {
        ObjectiveDefinition def = training(templateWith("").toString(), "eval-seeds", "123,456",
                "log-file", "train.jsonl");
        Study study = Studies.builder("pilot").sampler(new RandomSampler(3)).create();
        study.optimizeMulti(def.function(), OptimizeOptions.trials(2));
        for (FrozenTrial t : study.trials()) {
            assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
            Path trialDir = Path.of((String) t.userAttrs().get("trial_dir"));
            // the config: the template with the trial's decoded parameters nested under their dotted names
            Map<?, ?> config = (Map<?, ?>) Json.read(Files.readString(trialDir.resolve("config.json")));
            assertThat(((Map<?, ?>) config.get("optimizer")).get("lr")).isEqualTo(t.param("optimizer.lr"));
            assertThat(((Map<?, ?>) config.get("optimizer")).get("momentum")).isEqualTo(t.param("optimizer.momentum"));
            assertThat(((Map<?, ?>) config.get("train")).get("steps")).isEqualTo(60L);
            // per seed: its own directory and summary; the value is the mean of each seed's mean of the last 3 losses
            double sum = 0;
            List<Double> perSeed = new java.util.ArrayList<>();
            for (String seed : List.of("123", "456")) {
                Map<?, ?> summary = (Map<?, ?>) Json.read(Files.readString(trialDir.resolve("seed-" + seed + "/summary.json")));
                assertThat(summary.get("seed")).isEqualTo(Long.parseLong(seed));
                List<?> losses = (List<?>) summary.get("losses");
                double m = 0;
                for (Object x : losses.subList(losses.size() - 3, losses.size())) {
                    m += ((Number) x).doubleValue() / 3;
                }
                perSeed.add(m);
                sum += m;
                assertThat((Double) ((Map<?, ?>) t.userAttrs().get("eval_seed_values")).get(seed)).isCloseTo(m, offset(1e-12));
            }
            assertThat(t.value()).isCloseTo(sum / 2, offset(1e-12));
            assertThat((Double) t.userAttrs().get("eval_seed_std"))
                    .isCloseTo(Math.abs(perSeed.get(0) - perSeed.get(1)) / Math.sqrt(2), offset(1e-12));
            // the intermediate values are the first seed's log: 12 points, steps 5..60
            assertThat(t.intermediateValues()).hasSize(12).containsKeys(5, 60);
            List<String> log = Files.readAllLines(trialDir.resolve("seed-123/train.jsonl"));
            assertThat(t.intermediateValues().get(60))
                    .isEqualTo(((Number) ((Map<?, ?>) Json.read(log.get(11))).get("loss")).doubleValue());
        }
    }

    @Test
    void sameSeedsGiveTheSameValues() throws Exception {
        ObjectiveDefinition def = training(templateWith("").toString(), "eval-seeds", "7", "workdir",
                dir.resolve("a").toString());
        ObjectiveDefinition again = training(templateWith("").toString(), "eval-seeds", "7", "workdir",
                dir.resolve("b").toString());
        Study a = Studies.builder("s").sampler(new RandomSampler(1)).create();
        Study b = Studies.builder("s").sampler(new RandomSampler(1)).create();
        a.optimizeMulti(def.function(), OptimizeOptions.trials(2));
        b.optimizeMulti(again.function(), OptimizeOptions.trials(2));
        assertThat(b.trials().stream().map(FrozenTrial::value).toList())
                .isEqualTo(a.trials().stream().map(FrozenTrial::value).toList());
    }

    @Test
    void failuresOfEveryKindFailTheTrialWithTheReasonAndTheKind() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("\"fail\": \"exit\"", "exit-code");
        expected.put("\"fail\": \"oom\"", "oom");
        expected.put("\"fail\": \"nan\"", "nan");
        expected.put("\"fail\": \"no-summary\"", "missing-file");
        expected.put("\"fail\": \"bad-json\"", "malformed");
        expected.put("\"fail\": \"sleep\"", "time-out");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            // a short time-out only where one is expected: python3 alone can take 3 s on a loaded machine
            String timeout = e.getValue().equals("time-out") ? "3" : "120";
            ObjectiveDefinition def = training(templateWith(e.getKey()).toString(), "eval-seeds", "1,2",
                    "timeout", timeout);
            Study study = Studies.builder("f").create();
            try (LogCapture log = LogCapture.start()) {
                study.optimizeMulti(def.function(), OptimizeOptions.trials(1));
                assertThat(log.messages(Level.WARNING)).as(e.getKey()).singleElement().asString()
                        .startsWith("trial 0 of study 'f' failed: seed 1: ");
            }
            FrozenTrial t = study.trials().get(0);
            assertThat(t.state()).as(e.getKey()).isEqualTo(TrialState.FAIL);
            assertThat(t.userAttrs().get("failure")).as(e.getKey()).isEqualTo(e.getValue());
            assertThat((String) t.systemAttrs().get(FrozenTrial.FAIL_REASON)).as(e.getKey()).startsWith("seed 1: ");
        }
    }

    @Test
    void aJsonPointerAndEveryReduction() throws Exception {
        Path prog = dir.resolve("p.sh");
        Files.writeString(prog, "printf '{\"m\": {\"xs\": [4, 1, 2, 3]}}' > \"$NAS_TRIAL_DIR/out.json\"\n");
        Map<String, Double> expected = Map.of("last", 3.0, "min", 1.0, "max", 4.0, "mean", 2.5, "mean-last:3", 2.0,
                "mean-last:9", 2.5);
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            for (String key : List.of("m.xs", "/m/xs")) {
                ObjectiveDefinition def = objective("sh " + prog, "result-file", "out.json", "result-key", key,
                        "result-reduce", e.getKey());
                Study study = Studies.builder("r").create();
                study.optimizeMulti(def.function(), OptimizeOptions.trials(1));
                assertThat(study.trials().get(0).value()).as(e.getKey() + " " + key).isEqualTo(e.getValue());
            }
        }
        ObjectiveDefinition one = objective("sh " + prog, "result-file", "out.json", "result-key", "/m/xs/1");
        Study study = Studies.builder("r").create();
        study.optimizeMulti(one.function(), OptimizeOptions.trials(1));
        assertThat(study.trials().get(0).value()).isEqualTo(1.0);
    }

    @Test
    void aCsvLogFeedsThePrunerWhileTheProgramRuns() throws Exception {
        Path prog = dir.resolve("slow.sh");
        // 1 per step for 200 steps; a threshold pruner stops it at step 3, long before its end
        Files.writeString(prog, "echo 'epoch,loss' > \"$NAS_TRIAL_DIR/log.csv\"\n"
                + "i=1; while [ $i -le 200 ]; do echo \"$i,$i\" >> \"$NAS_TRIAL_DIR/log.csv\"; sleep 0.05; i=$((i+1)); done\n"
                + "echo nas:result 0\n");
        ObjectiveDefinition def = objective("sh " + prog, "log-file", "log.csv", "log-step-key", "epoch");
        Pruner stopAbove2 = (study, trial) -> trial.intermediateValues().values().stream().anyMatch(v -> v > 2);
        Study study = Studies.builder("log").pruner(stopAbove2).create();
        study.optimizeMulti(def.function(), OptimizeOptions.trials(1));
        FrozenTrial t = study.trials().get(0);
        assertThat(t.state()).isEqualTo(TrialState.PRUNED);
        assertThat(t.intermediateValues()).containsEntry(1, 1.0).containsEntry(3, 3.0);
        assertThat(t.intermediateValues().size()).isLessThan(200);
    }

    @Test
    void aTextTemplateIsFilledAtItsMarks() throws Exception {
        Path template = dir.resolve("flags.txt");
        Files.writeString(template, "--lr {{optimizer.lr}} --momentum {{ optimizer.momentum }}\n");
        Path prog = dir.resolve("cat.sh");
        Files.writeString(prog, "cat \"$1\"; echo nas:result 1\n");
        ObjectiveDefinition def = objective("sh " + prog + " {config}", "config-template", template.toString());
        Study study = Studies.builder("t").sampler(new RandomSampler(2)).create();
        study.optimizeMulti(def.function(), OptimizeOptions.trials(1));
        FrozenTrial t = study.trials().get(0);
        Path trialDir = Path.of((String) t.userAttrs().get("trial_dir"));
        assertThat(Files.readString(trialDir.resolve("flags.txt")))
                .isEqualTo("--lr " + t.param("optimizer.lr") + " --momentum " + t.param("optimizer.momentum") + "\n");
        assertThat(Files.readString(trialDir.resolve("stdout.log"))).startsWith("--lr " + t.param("optimizer.lr"));
    }

    @Test
    void aConfigFileWithoutTemplateIsTheNestedParametersAsJson() throws Exception {
        Path prog = dir.resolve("read.sh");
        Files.writeString(prog, "test -f \"$1\" && test \"$1\" = \"$NAS_CONFIG_FILE\" && echo nas:result 2\n");
        ObjectiveDefinition def = objective("sh " + prog + " {config}", "config-file", "conf/cfg.json");
        Study study = Studies.builder("c").sampler(new RandomSampler(5)).create();
        study.optimizeMulti(def.function(), OptimizeOptions.trials(1));
        FrozenTrial t = study.trials().get(0);
        assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
        Path trialDir = Path.of((String) t.userAttrs().get("trial_dir"));
        assertThat(Json.read(Files.readString(trialDir.resolve("conf/cfg.json")))).isEqualTo(Map.of("optimizer",
                Map.of("lr", t.param("optimizer.lr"), "momentum", t.param("optimizer.momentum"))));
    }

    @Test
    void aConfigFileAloneHoldsTheNestedParameters() {
        assertThat(TrialConfig.nest(new LinkedHashMap<>(Map.of("a.b", 1, "a.c", 2, "d", 3))))
                .isEqualTo(Map.of("a", Map.of("b", 1, "c", 2), "d", 3));
        assertThatThrownBy(() -> TrialConfig.nest(new LinkedHashMap<>(Map.of("a", 1, "a.b", 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'");
    }

    @Test
    void mistakesAreRefusedBeforeAnyTrialRuns() throws Exception {
        Path template = dir.resolve("t.yaml");
        Files.writeString(template, "lr: {{lr}}\n");
        assertThatThrownBy(() -> objective("x {config}", "config-template", template.toString()))
                .hasMessageContaining("marks {{lr}}, which is not a parameter");
        assertThatThrownBy(() -> objective("x {config}")).hasMessageContaining("-O config-file");
        assertThatThrownBy(() -> objective("x {seed}")).hasMessageContaining("eval-seeds");
        assertThatThrownBy(() -> objective("x", "eval-seeds", "1,a")).hasMessageContaining("integers");
        assertThatThrownBy(() -> objective("x", "result-file", "s.json", "result-reduce", "mean-last:0"))
                .hasMessageContaining("mean-last:N");
        assertThatThrownBy(() -> objective("x", "result-key", "losses")).hasMessageContaining("needs -O result-file");
        assertThatThrownBy(() -> objective("x", "result-file", "../s.json")).hasMessageContaining("inside");
        assertThatThrownBy(() -> objective("x", "config-template", dir.resolve("none.json").toString()))
                .hasMessageContaining("cannot read config template");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"a\": ");
        assertThatThrownBy(() -> objective("x", "config-template", broken.toString()))
                .hasMessageStartingWith("config template " + broken + ": invalid JSON");
    }
}
