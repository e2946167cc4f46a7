package nas.api.objective.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.artifact.TrialDirectory;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.TrialState;
import nas.api.objective.ObjectiveDefinition;
import nas.api.objective.ObjectiveOptions;
import nas.api.objective.ObjectivePlugins;
import nas.api.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: small sh/sed/awk programs that follow the protocol. */
class ExternalProgramPluginTest {

    @TempDir
    Path dir;

    private static final String SPACE = "{\"params\": {\"x\": {\"type\": \"float\", \"low\": 0, \"high\": 1},"
            + " \"mode\": {\"type\": \"categorical\", \"choices\": [\"a\", \"b\"]}}, \"defaults\": {\"x\": 0.5}}";

    /** Writes a script that reads x from $NAS_PARAMS_FILE and runs {@code body} with $x set. */
    private String script(String name, String body) throws Exception {
        Path s = dir.resolve(name);
        Files.writeString(s, "x=$(sed 's/.*\"x\":\\([-0-9.eE]*\\).*/\\1/' \"$NAS_PARAMS_FILE\")\n" + body + "\n");
        return "sh " + s.toAbsolutePath();
    }

    private ObjectiveDefinition objective(String command, String... more) throws Exception {
        Path space = dir.resolve("space.json");
        Files.writeString(space, SPACE);
        java.util.Map<String, String> o = new java.util.LinkedHashMap<>(Map.of("command", command, "space",
                space.toString(), "workdir", dir.resolve("runs").toString()));
        for (int i = 0; i < more.length; i += 2) {
            o.put(more[i], more[i + 1]);
        }
        return ObjectivePlugins.find("external").create(new ObjectiveOptions(o));
    }

    @Test
    void runsTheProgramPerTrialAndReadsItsResult() throws Exception {
        ObjectiveDefinition def = objective(script("quad.sh",
                "awk -v x=\"$x\" 'BEGIN { printf \"nas:result %.12f\\n\", (x - 0.3) * (x - 0.3) }'"));
        assertThat(def.parameterDefaults()).containsEntry("x", 0.5);
        Study study = Studies.builder("ext").sampler(new nas.api.sampler.RandomSampler(1)).create();
        study.optimizeMulti(def.function(), OptimizeOptions.trials(5));
        for (FrozenTrial t : study.trials()) {
            assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
            double x = (Double) t.param("x");
            assertThat(t.value()).isCloseTo((x - 0.3) * (x - 0.3), offset(1e-9));
            Path trialDir = Path.of((String) t.userAttrs().get("trial_dir"));
            assertThat(Files.readString(trialDir.resolve("params.json"))).contains("\"x\":" + x);
            assertThat(Files.readString(trialDir.resolve("stdout.log"))).startsWith("nas:result ");
        }
    }

    @Test
    void programsStartThroughTheGateOfTheirEvaluationOnly() throws Exception {
        ObjectiveDefinition def = objective(script("touch.sh", "touch \"$NAS_TRIAL_DIR/started\"; echo nas:result 1"));
        Study study = Studies.builder("gate").create();
        nas.api.Trial refused = study.ask();
        IllegalStateException no = new IllegalStateException("refused");
        assertThatThrownBy(() -> ProgramStarts.through(p -> {
            throw no;
        }, () -> def.function().evaluate(refused))).isSameAs(no);
        assertThat(dir.resolve("runs/gate/trial-00000/started")).doesNotExist();

        int[] starts = {0};
        nas.api.Trial passed = study.ask();
        assertThat(ProgramStarts.through(p -> {
            starts[0]++;
            return p.start();
        }, () -> def.function().evaluate(passed))).containsExactly(1.0);
        assertThat(dir.resolve("runs/gate/trial-00001/started")).exists();
        // the gate was this evaluation's only: the next one on this thread starts its program without it
        assertThat(def.function().evaluate(study.ask())).containsExactly(1.0);
        assertThat(starts[0]).isEqualTo(1);
    }

    @Test
    void eachStudyHasItsOwnTrialDirectoriesAndNoneIsWrittenTwice() throws Exception {
        ObjectiveDefinition def = objective(script("one.sh", "echo nas:result 1"));
        Study ext = Studies.builder("ext").create();
        Study ext2 = Studies.builder("ext2").create();
        ext.optimizeMulti(def.function(), OptimizeOptions.trials(1));
        ext2.optimizeMulti(def.function(), OptimizeOptions.trials(1));
        Path runs = dir.resolve("runs");
        assertThat(ext.trials().get(0).userAttrs().get("trial_dir"))
                .isEqualTo(runs.resolve("ext/trial-00000").toString());
        assertThat(ext2.trials().get(0).userAttrs().get("trial_dir"))
                .isEqualTo(runs.resolve("ext2/trial-00000").toString());
        // a second study of the same name (an earlier one deleted, or a crashed attempt's number used again)
        Study again = Studies.builder("ext").create();
        again.optimizeMulti(def.function(), OptimizeOptions.trials(1));
        assertThat(again.trials().get(0).userAttrs().get("trial_dir"))
                .isEqualTo(runs.resolve("ext/trial-00000.1").toString());
        assertThat(Files.readString(runs.resolve("ext/trial-00000/params.json")))
                .isEqualTo(Files.readString(Path.of((String) ext.trials().get(0).userAttrs().get("trial_dir"), "params.json")));
    }

    @Test
    void aSymbolicLinkWhereATrialDirectoryGoesIsRefused() throws Exception {
        ObjectiveDefinition def = objective(script("one.sh", "echo nas:result 1"));
        Path victim = Files.createDirectories(dir.resolve("victim"));
        Files.createDirectories(dir.resolve("runs/ext"));
        Files.createSymbolicLink(dir.resolve("runs/ext/trial-00000"), victim);
        Files.createSymbolicLink(dir.resolve("runs/linked"), victim);
        Study study = Studies.builder("ext").create();
        Study linked = Studies.builder("linked").create();
        try (LogCapture log = LogCapture.start()) {
            study.optimizeMulti(def.function(), OptimizeOptions.trials(1));
            linked.optimizeMulti(def.function(), OptimizeOptions.trials(1));
            assertThat(log.messages(Level.WARNING)).containsExactly(
                    "trial 0 of study 'ext' failed: java.io.IOException: refusing to use "
                            + dir.resolve("runs/ext/trial-00000") + ": it is a symbolic link",
                    "trial 0 of study 'linked' failed: java.io.IOException: refusing to use " + dir.resolve("runs/linked")
                            + ": it is a symbolic link");
        }
        assertThat(study.trials().get(0).state()).isEqualTo(TrialState.FAIL);
        assertThat(study.trials().get(0).systemAttrs().get(FrozenTrial.FAIL_REASON)).asString()
                .contains("symbolic link").contains("trial-00000");
        assertThat(linked.trials().get(0).systemAttrs().get(FrozenTrial.FAIL_REASON)).asString()
                .contains("symbolic link");
        try (var files = Files.list(victim)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void studyNamesBecomeSafeDistinctDirectoryNames() {
        assertThat(TrialDirectory.safeName("exp-001_a.b")).isEqualTo("exp-001_a.b");
        assertThat(TrialDirectory.safeName("a/b")).startsWith("a_b-").hasSize(12);
        assertThat(TrialDirectory.safeName("a/b")).isNotEqualTo(TrialDirectory.safeName("a_b"))
                .isNotEqualTo(TrialDirectory.safeName("a b"));
        assertThat(TrialDirectory.safeName("..")).doesNotContain("..").hasSize(11);
        assertThat(TrialDirectory.safeName("../../etc")).doesNotContain("/").doesNotContain("..");
    }

    @Test
    void aSpaceWithAFractionalIntBoundOrADefaultOutsideItsRangeIsRefused() throws Exception {
        String[][] cases = {
            {"{\"params\": {\"n\": {\"type\": \"int\", \"low\": 1.5, \"high\": 4}}}", "must be a whole number, but got 1.5"},
            {"{\"params\": {\"n\": {\"type\": \"int\", \"low\": 1, \"high\": 4, \"step\": 0.5}}}", "'step' must be a whole number"},
            {"{\"params\": {\"x\": {\"type\": \"float\", \"low\": 0, \"high\": 1}}, \"defaults\": {\"x\": 2}}",
                "the default of 'x'"},
            {"{\"params\": {\"n\": {\"type\": \"int\", \"low\": 1, \"high\": 4}}, \"defaults\": {\"n\": 2.5}}",
                "the default of 'n'"},
            {"{\"params\": {\"a\": {\"type\": \"categorical\", \"choices\": [\"relu\"]}}, \"defaults\": {\"a\": \"gelu\"}}",
                "the default of 'a'"},
            {"{\"params\": {\"x\": {\"type\": \"float\", \"low\": 0, \"high\": 1}}, \"defaults\": {\"y\": 0.5}}",
                "names 'y', which is not a parameter"},
        };
        for (String[] c : cases) {
            Files.writeString(dir.resolve("bad.json"), c[0]);
            assertThatThrownBy(() -> ObjectivePlugins.find("external").create(new ObjectiveOptions(Map.of(
                    "command", "true", "space", dir.resolve("bad.json").toString()))))
                    .as(c[0]).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(c[1]);
        }
    }

    @Test
    void aSpaceMayGiveItsDistributionsInOptunasFormAsNasAskTakesThem() throws Exception {
        Files.writeString(dir.resolve("optuna.json"), "{\"params\": {"
                + "\"x\": {\"name\": \"FloatDistribution\", \"attributes\": {\"low\": 1e-4, \"high\": 1, \"log\": true}},"
                + "\"n\": {\"name\": \"IntDistribution\", \"attributes\": {\"low\": 1, \"high\": 8, \"step\": 1}},"
                + "\"a\": {\"type\": \"categorical\", \"choices\": [\"relu\", \"tanh\"]}}}");
        ExternalProgramPlugin.SearchSpaceFile space = ExternalProgramPlugin.SearchSpaceFile.read(dir.resolve("optuna.json"));
        assertThat(space.params()).containsExactly(
                Map.entry("x", nas.api.distribution.FloatDistribution.logOf(1e-4, 1)),
                Map.entry("n", nas.api.distribution.IntDistribution.of(1, 8)),
                Map.entry("a", nas.api.distribution.CategoricalDistribution.of("relu", "tanh")));
        // neither form: the message says which two there are (it said "unknown distribution type 'null'")
        Files.writeString(dir.resolve("neither.json"), "{\"params\": {\"x\": {\"low\": 0, \"high\": 1}}}");
        assertThatThrownBy(() -> ExternalProgramPlugin.SearchSpaceFile.read(dir.resolve("neither.json")))
                .hasMessageContaining("parameter 'x' in " + dir.resolve("neither.json"))
                .hasMessageContaining("(Optuna's form) or \"type\"");
    }

    @Test
    void failuresAreRecordedWithTheirReason() throws Exception {
        Study study = Studies.builder("ext").create();
        try (LogCapture log = LogCapture.start()) {
            study.optimizeMulti(objective(script("crash.sh", "echo 'out of memory' >&2; exit 3")).function(),
                    OptimizeOptions.trials(1));
            study.optimizeMulti(objective(script("silent.sh", "echo working")).function(), OptimizeOptions.trials(1));
            study.optimizeMulti(objective(script("slow.sh", "sleep 5; echo nas:result 1"), "timeout", "0.5").function(),
                    OptimizeOptions.trials(1));
            assertThat(log.messages(Level.WARNING)).hasSize(3).allSatisfy(m -> assertThat(m).startsWith("trial "))
                    .anySatisfy(m -> assertThat(m).contains("trial 0 of study 'ext' failed").contains("exited with code 3"));
        }
        List<FrozenTrial> t = study.trials();
        assertThat(t).extracting(FrozenTrial::state).containsOnly(TrialState.FAIL);
        assertThat(t.get(0).systemAttrs().get(FrozenTrial.FAIL_REASON)).asString()
                .contains("exited with code 3").contains("out of memory");
        assertThat(t.get(1).systemAttrs().get(FrozenTrial.FAIL_REASON)).asString().contains("no 'nas:result' line");
        assertThat(t.get(2).systemAttrs().get(FrozenTrial.FAIL_REASON)).asString().contains("longer than 0.5 s");
        assertThat(t.get(2).duration().toMillis()).isLessThan(4000);
    }

    @Test
    void reportsReachThePrunerWhichStopsTheProgram() throws Exception {
        ObjectiveDefinition def = objective(script("curve.sh",
                "for s in 0 1 2 3 4 5 6 7 8 9; do echo \"nas:report $s $((10 - s))\"; sleep 0.05; done; echo nas:result 0"));
        Study study = Studies.builder("ext").pruner((s, t) -> t.lastStep() >= 2).create();
        study.optimizeMulti(def.function(), OptimizeOptions.trials(1));
        FrozenTrial t = study.trials().get(0);
        assertThat(t.state()).isEqualTo(TrialState.PRUNED);
        assertThat(t.intermediateValues()).containsExactly(Map.entry(0, 10.0), Map.entry(1, 9.0), Map.entry(2, 8.0));
        assertThat(t.values()).containsExactly(8.0);
    }

    @Test
    void badOptionsAreClearErrors() throws Exception {
        assertThatThrownBy(() -> ObjectivePlugins.find("external").create(ObjectiveOptions.none()))
                .hasMessageContaining("needs -O command=... and -O space=FILE.json");
        Files.writeString(dir.resolve("bad.json"), "{\"params\": {\"x\": {\"type\": \"float\", \"low\": 2, \"high\": 1}}}");
        assertThatThrownBy(() -> ObjectivePlugins.find("external").create(new ObjectiveOptions(Map.of("command", "true",
                "space", dir.resolve("bad.json").toString())))).hasMessageContaining("parameter 'x'")
                .hasMessageContaining("low <= high");
        assertThatThrownBy(() -> ExternalProgramPlugin.split("python 'unbalanced")).hasMessageContaining("unbalanced");
        assertThat(ExternalProgramPlugin.split("python  train.py --name 'a b' \"c d\"")).containsExactly("python",
                "train.py", "--name", "a b", "c d");
    }
}
