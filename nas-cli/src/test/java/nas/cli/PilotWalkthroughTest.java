package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nas.api.FrozenTrial;
import nas.api.Studies;
import nas.api.Study;
import nas.api.TrialState;
import nas.api.json.Json;
import nas.api.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pilot as the README walks through it, with real {@code nas} processes and the example training
 * program ({@code examples/pilot/train.py}): CMA-ES, 2 generations of 4 after a baseline, 2 evaluation seeds.
 */
class PilotWalkthroughTest {

    private static final Path EXAMPLE = Path.of("../examples/pilot").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private String db() {
        return "jdbc:h2:" + dir.resolve("studies").toAbsolutePath();
    }

    /** The README's command, with its options (and more) after it. */
    private static List<String> search(String study, String... more) {
        List<String> args = new ArrayList<>(List.of("search", "--study", study, "--objective", "external",
                "-O", "command=python3 examples/pilot/train.py --config {config} --seed {seed} --out {trial_dir}",
                "-O", "space=examples/pilot/space.json", "-O", "config-template=examples/pilot/base-config.json",
                "-O", "result-file=summary.json", "-O", "result-key=losses", "-O", "result-reduce=mean-last:3",
                "-O", "log-file=train.jsonl", "-O", "eval-seeds=123,456", "-O", "timeout=120",
                "--sampler", "cmaes", "--cma-popsize", "4", "--seed", "1", "--storage", "./studies"));
        args.addAll(List.of(more));
        return args;
    }

    private void copyExample(Path into) throws Exception {
        Files.createDirectories(into.resolve("examples/pilot"));
        for (String f : List.of("train.py", "space.json", "base-config.json")) {
            Files.copy(EXAMPLE.resolve(f), into.resolve("examples/pilot").resolve(f));
        }
    }

    private static List<String[]> rows(Path progress) throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(progress).subList(1, Files.readAllLines(progress).size())) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    @Test
    void theWalkthroughRunsEndToEndAndItsSummaryStatesTheVerdictByItsRule() throws Exception {
        copyExample(dir);
        CliProcess.Result r = CliProcess.start(dir, search("pilot", "--baseline", "--n-trials", "9")
                .toArray(String[]::new)).await(600);
        assertThat(r.exitCode()).as(r.err()).isZero();

        Path run = dir.resolve("nas-runs/pilot");
        assertThat(Files.readAllLines(run.resolve("progress.csv")).get(0))
                .isEqualTo("number,generation,status,value,seconds,baseline,failure,directory");
        List<String[]> rows = rows(run.resolve("progress.csv"));
        assertThat(rows).extracting(c -> c[0]).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8");
        // the baseline is trial 0, outside the generations; then 2 generations of 4
        assertThat(rows.get(0)[1]).isEmpty();
        assertThat(rows.get(0)[5]).isEqualTo("true");
        assertThat(rows.subList(1, 9)).extracting(c -> c[1]).containsExactly("0", "0", "0", "0", "1", "1", "1", "1");
        assertThat(rows).allSatisfy(c -> assertThat(c[2]).isEqualTo("COMPLETE"));
        assertThat(rows).extracting(c -> c[7]).containsExactly("trial-00000", "trial-00001", "trial-00002",
                "trial-00003", "trial-00004", "trial-00005", "trial-00006", "trial-00007", "trial-00008");

        Map<?, ?> runJson = (Map<?, ?>) Json.read(Files.readString(run.resolve("run.json")));
        assertThat(runJson.get("sampler")).isEqualTo("cmaes");
        assertThat(((Map<?, ?>) runJson.get("space")).keySet().stream().map(String::valueOf).toList()).containsExactly("optimizer.lr", "optimizer.momentum",
                "model.init_scale", "model.l2");
        assertThat(((List<?>) runJson.get("command")).stream().map(String::valueOf).toList()).contains("--baseline");

        List<FrozenTrial> trials;
        try (Storage store = new StorageOptions(db()).open()) {
            trials = Studies.builder("pilot").storage(store).load().trials();
        }
        FrozenTrial baseline = trials.get(0);
        assertThat(baseline.params()).containsEntry("optimizer.lr", 0.05).containsEntry("model.l2", 1e-4);
        FrozenTrial best = trials.stream().filter(t -> t.state() == TrialState.COMPLETE)
                .min(java.util.Comparator.comparingDouble(FrozenTrial::value)).orElseThrow();
        // each value is the mean over the seeds of the mean of the last 3 losses in that seed's summary.json
        for (FrozenTrial t : trials) {
            double sum = 0;
            for (String seed : List.of("123", "456")) {
                Map<?, ?> summary = (Map<?, ?>) Json.read(Files.readString(run.resolve(String.format(
                        "trial-%05d/seed-%s/summary.json", t.number(), seed))));
                List<?> losses = (List<?>) summary.get("losses");
                for (Object x : losses.subList(losses.size() - 3, losses.size())) {
                    sum += ((Number) x).doubleValue() / 6;
                }
            }
            assertThat(t.value()).isCloseTo(sum, offset(1e-12));
        }
        Map<?, ?> bestJson = (Map<?, ?>) Json.read(Files.readString(run.resolve("best.json")));
        assertThat(((Number) bestJson.get("number")).intValue()).isEqualTo(best.number());
        assertThat(((Number) ((Map<?, ?>) bestJson.get("baseline")).get("value")).doubleValue())
                .isEqualTo(baseline.value());

        CliProcess.Result s = CliProcess.run(dir, "pilot-summary", "--study", "pilot", "--storage", "./studies");
        assertThat(s.exitCode()).as(s.err()).isZero();
        String md = Files.readString(run.resolve("summary.md"));
        assertThat(s.out()).isEqualTo(md);
        double spread = Math.max(PilotSummary.seedStd(baseline), PilotSummary.seedStd(best));
        boolean go = baseline.value() - best.value() >= 0.01 * Math.abs(baseline.value()) + spread;
        assertThat(md).contains("| baseline | 0 | " + PilotSummary.num(baseline.value()) + " |")
                .contains("| best | " + best.number() + " | " + PilotSummary.num(best.value()) + " |")
                .contains(PilotSummary.pct((baseline.value() - best.value()) / baseline.value()))
                .contains("failures: 0 of 9 finished trials (0.0%) ≤ 10.0%")
                .contains("## Go / No-Go\n\n**" + (go ? "GO" : "NO-GO") + "**")
                .contains("Rule: Go when at most 10.0% of the finished trials failed");

        // the same seed gives the same run
        Path again = dir.resolve("again");
        copyExample(again);
        CliProcess.Result r2 = CliProcess.start(again, search("pilot", "--baseline", "--n-trials", "9")
                .toArray(String[]::new)).await(600);
        assertThat(r2.exitCode()).as(r2.err()).isZero();
        assertThat(rows(again.resolve("nas-runs/pilot/progress.csv"))).extracting(c -> c[3])
                .containsExactlyElementsOf(rows.stream().map(c -> c[3]).toList());
        StorageServers.stop(again);
    }

    @Test
    void failuresOfEveryKindEndTheirTrialAsFailAndAreCountedInTheSummary() throws Exception {
        copyExample(dir);
        // a "fail" parameter the example program obeys: each kind of failure once, on a grid. One time-out serves
        // every trial: long enough for the runs that end by themselves (0.3 CPU-s of python3 each, but 3.2-3.7 s of
        // wall time at load 23 here), and it is what the "sleep" trial waits for
        Files.writeString(dir.resolve("space.json"), "{\"params\": {\"fail\": {\"type\": \"categorical\", "
                + "\"choices\": [\"none\", \"exit\", \"oom\", \"nan\", \"sleep\", \"no-summary\", \"bad-json\"]}},"
                + " \"defaults\": {\"fail\": \"none\"}}");
        CliProcess.Result r = CliProcess.run(dir, "search", "--study", "f", "--objective", "external",
                "-O", "command=python3 examples/pilot/train.py --config {config} --seed {seed} --out {trial_dir}",
                "-O", "space=space.json", "-O", "config-template=examples/pilot/base-config.json",
                "-O", "result-file=summary.json", "-O", "result-key=losses", "-O", "result-reduce=mean-last:3",
                "-O", "eval-seeds=1,2", "-O", "timeout=10", "--sampler", "grid", "--grid", "fail=exit,oom,nan,sleep,no-summary,bad-json", "--baseline",
                "--n-trials", "7",
                "--storage", "./studies", "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();

        Map<String, String> failureOf = new HashMap<>();
        for (String[] c : rows(dir.resolve("nas-runs/f/progress.csv"))) {
            failureOf.put(c[0], c[2] + " " + c[6]);
        }
        Map<String, String> byChoice = new HashMap<>();
        try (Storage store = new StorageOptions(db()).open()) {
            for (FrozenTrial t : Studies.builder("f").storage(store).load().trials()) {
                byChoice.put((String) t.param("fail"), failureOf.get(String.valueOf(t.number())));
                if (t.state() == TrialState.FAIL) {
                    assertThat((String) t.systemAttrs().get(FrozenTrial.FAIL_REASON)).startsWith("seed 1: ");
                }
            }
        }
        assertThat(byChoice).containsEntry("none", "COMPLETE ").containsEntry("exit", "FAIL exit-code")
                .containsEntry("oom", "FAIL oom").containsEntry("nan", "FAIL nan").containsEntry("sleep", "FAIL time-out")
                .containsEntry("no-summary", "FAIL missing-file").containsEntry("bad-json", "FAIL malformed");

        CliProcess.Result s = CliProcess.run(dir, "pilot-summary", "--study", "f", "--storage", "./studies");
        assertThat(s.exitCode()).as(s.err()).isZero();
        assertThat(s.out()).contains("| OOM | 1 | 14.3% |").contains("| NaN | 1 | 14.3% |")
                .contains("| time-out | 1 | 14.3% |").contains("| exit code | 1 | 14.3% |")
                .contains("| missing result file | 1 | 14.3% |").contains("| malformed result | 1 | 14.3% |")
                .contains("failures: 6 of 7 finished trials (85.7%) > 10.0%")
                .contains("**NO-GO**");
        assertThat(s.err()).contains("(NO-GO)");
    }

    @Test
    void aKilledSearchResumedContinuesTheSameCmaEsRunAndProgressHasNoDuplicateRows() throws Exception {
        copyExample(dir);
        Path progress = dir.resolve("nas-runs/pilot/progress.csv");
        CliProcess first = CliProcess.start(dir, search("pilot", "--baseline", "--max-trials", "9",
                "--heartbeat-interval", "1").toArray(String[]::new));
        for (int i = 0; i < 3000 && (!Files.exists(progress) || Files.readAllLines(progress).size() < 5); i++) {
            Thread.sleep(50);
        }
        first.kill();
        assertThat(Files.readAllLines(progress).size()).isGreaterThanOrEqualTo(5).isLessThan(10);
        Thread.sleep(2500); // the killed trial's heartbeat goes stale (2 intervals)

        CliProcess.Result r = CliProcess.start(dir, "search", "--study", "pilot", "--max-trials", "9",
                "--heartbeat-interval", "1", "--storage", "./studies").await(600);
        assertThat(r.exitCode()).as(r.err()).isZero();

        List<String[]> rows = rows(progress);
        List<String> numbers = rows.stream().map(c -> c[0]).toList();
        assertThat(numbers).doesNotHaveDuplicates();
        try (Storage store = new StorageOptions(db()).open()) {
            Study study = Studies.builder("pilot").storage(store).load();
            List<FrozenTrial> finished = study.trials().stream().filter(t -> t.state().isFinished()).toList();
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(
                    finished.stream().map(t -> String.valueOf(t.number())).toList());
            assertThat(finished.stream().filter(t -> t.state() == TrialState.COMPLETE)).hasSize(9);
            // one CMA-ES run from trial 1 (after the baseline) whose generations are blocks of 4 trial
            // numbers, the killed (FAIL) trial keeping its slot in its block, continued by the second
            // process; the kill may land before CMA-ES stored the killed trial's generation, so the
            // blocks are counted by trial number and only the trials that carry a generation are checked
            Map<Integer, Long> perBlock = finished.stream().filter(t -> t.number() >= 1)
                    .collect(Collectors.groupingBy(t -> (t.number() - 1) / 4, Collectors.counting()));
            assertThat(perBlock).containsEntry(0, 4L).containsEntry(1, 4L);
            assertThat(finished).filteredOn(t -> t.state() == TrialState.COMPLETE && t.number() >= 1)
                    .allSatisfy(t -> assertThat(t.systemAttrs()).containsKey("cmaes:generation"));
            assertThat(finished).filteredOn(t -> t.systemAttrs().containsKey("cmaes:generation")).allSatisfy(t ->
                    assertThat(t.systemAttrs().get("cmaes:generation")).isEqualTo((long) ((t.number() - 1) / 4)));
            assertThat(finished).allSatisfy(t -> assertThat(t.systemAttrs().getOrDefault("cmaes:restart", 0L))
                    .isEqualTo(0L));
        }
        // the row of each trial says what storage says
        assertThat(rows).allSatisfy(c -> assertThat(c[2]).isIn("COMPLETE", "FAIL"));
    }
}
