package nas.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nas.sim.config.LabConfig;
import nas.sim.config.Presets;
import nas.sim.evolution.PopulationEvaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentTest {

    @TempDir
    Path dir;

    @Test
    void writesTheResultsDocumentAfterEveryGenerationAndSummarises() throws Exception {
        LabConfig c = Presets.builder("pure_baseline").set("population_size", 12).build();
        Path file = Experiment.resultsPath(dir, "pure_baseline", LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        assertThat(file.getFileName().toString()).isEqualTo("pure_baseline_20260102_030405.json");
        List<Integer> seen = new ArrayList<>();
        Experiment.Summary s;
        try (PopulationEvaluator ev = new PopulationEvaluator(2)) {
            s = new Experiment("pure_baseline", c, 3, new long[] {42, 123}).run(ev, file, (i, n, seed, g, last) -> {
                // the file on disk is complete and parseable after every generation
                Map<String, Object> doc = ResultsFile.read(file);
                assertThat(doc.get("status")).isEqualTo("running");
                seen.add(((List<?>) doc.get("runs")).size() * 100 + g.generation());
            });
        }
        assertThat(seen).containsExactly(100, 101, 102, 200, 201, 202);
        Map<String, Object> doc = ResultsFile.read(file);
        assertThat(doc.get("status")).isEqualTo("complete");
        assertThat(s.finals()).hasSize(2);
        double mean = (s.finals().get(0) + s.finals().get(1)) / 2;
        assertThat(s.mean()).isCloseTo(mean, within(1e-12));
        assertThat(s.std()).isCloseTo(Math.abs(s.finals().get(0) - s.finals().get(1)) / 2, within(1e-12));
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".tmp")).count()).isZero();
        }

        ResultsComparison.Row row = ResultsComparison.row(ResultsComparison.latest(dir, "pure_baseline").orElseThrow());
        assertThat(row.mean()).isCloseTo(s.mean(), within(1e-12));
        assertThat(row.std()).isCloseTo(s.std(), within(1e-12));
        assertThat(row.seeds()).isEqualTo(2);
        assertThat(ResultsComparison.latest(dir, "pure")).isEmpty(); // prefix of another name does not match
    }

    @Test
    void aLongRunRewritesItsFileAsItGrowsNotAfterEveryGeneration() throws Exception {
        // 260 generations: written after each of the first 50 rows, then whenever the rows added since the last
        // write reach 1/50 of those in it (rows 52, 54, ..., 100, 103, 106, ..., 250, 256: 115 writes, by hand),
        // and complete at the end: 116 writes rather than 260. The file is always whole and at most 2% behind.
        LabConfig c = Presets.builder("pure_baseline").set("population_size", 4).set("stagnation_limit", 100_000)
                .build();
        Path file = dir.resolve("long.json");
        int generations = 260;
        List<Integer> inFile = new ArrayList<>();
        Experiment e = new Experiment("pure_baseline", c, generations, new long[] {42});
        try (PopulationEvaluator ev = new PopulationEvaluator(1)) {
            e.run(ev, file, (i, n, seed, g, last) -> {
                Map<?, ?> run = (Map<?, ?>) ((List<?>) ResultsFile.read(file).get("runs")).get(0);
                List<?> curve = (List<?>) run.get("curve");
                int rows = g.generation() + 1;
                // the seed's last generation is written with its best genome, just after this call
                assertThat(curve.size()).as("generation %d", g.generation())
                        .isBetween(last ? rows - 1 - rows / 50 : rows - rows / 50, rows);
                for (int k = 0; k < curve.size(); k++) {
                    assertThat(((Number) ((List<?>) curve.get(k)).get(0)).intValue()).isEqualTo(k);
                }
                inFile.add(curve.size());
            });
        }
        assertThat(inFile).hasSize(generations);
        assertThat(inFile.subList(0, 50)).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 50)
                .boxed().toList());
        long distinct = inFile.stream().distinct().count();
        assertThat(distinct).isEqualTo(115);
        assertThat(inFile.subList(50, 60)).containsExactly(50, 52, 52, 54, 54, 56, 56, 58, 58, 60);
        assertThat(e.writes()).isEqualTo(distinct + 1); // and the complete document at the end
        Map<String, Object> doc = ResultsFile.read(file);
        assertThat(doc.get("status")).isEqualTo("complete");
        assertThat((List<?>) ((Map<?, ?>) ((List<?>) doc.get("runs")).get(0)).get("curve")).hasSize(generations);
    }

    @Test
    void latestPicksTheNewestTimestamp() throws Exception {
        Files.writeString(dir.resolve("a_20260101_000000.json"), "{}");
        Files.writeString(dir.resolve("a_20260301_000000.json"), "{}");
        Files.writeString(dir.resolve("a_b_20270101_000000.json"), "{}");
        assertThat(ResultsComparison.latest(dir, "a").orElseThrow().getFileName().toString())
                .isEqualTo("a_20260301_000000.json");
    }

    @Test
    void aStopWhileAGenerationIsStoredLeavesTheFileAndTheStoredRunAtTheSameGeneration() throws Exception {
        // --store-runs: the stop (Ctrl-C's shutdown hook) comes while generation 5 is being stored. Before, the file
        // was written without it (generations 0-4) while the stored run had 0-5: one ahead. Now the stop waits for it
        LabConfig c = Presets.builder("pure_baseline").set("population_size", 4).build();
        Path file = dir.resolve("run.json");
        Experiment experiment = new Experiment("pure_baseline", c, 1000, new long[] {42});
        List<Integer> stored = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread[] stopper = new Thread[1];
        nas.sim.evolution.RunObserver observer = (name, config, seed, generations) -> new nas.sim.evolution.RunObserver
                .Watch() {
            @Override
            public String id() {
                return name;
            }

            @Override
            public void generation(nas.sim.evolution.Evolution e, nas.sim.evolution.GenerationStats g,
                    PopulationEvaluator evaluator) {
                if (g.generation() == 5) {
                    stopper[0] = new Thread(experiment::stopAndFlush);
                    stopper[0].start();
                    // the store goes on until the stop has come: it waits in stopAndFlush, or (before) has written
                    while (stopper[0].getState() != Thread.State.TIMED_WAITING
                            && stopper[0].getState() != Thread.State.TERMINATED) {
                        Thread.onSpinWait();
                    }
                }
                stored.add(g.generation());
            }

            @Override
            public void stopped(String why) {
            }
        };
        try (PopulationEvaluator ev = new PopulationEvaluator(1)) {
            Thread evolution = new Thread(() -> experiment.run(ev, file, null, observer));
            evolution.setDaemon(true); // it waits for the process's end after the stop, as in 'nas run'
            evolution.start();
            while (stopper[0] == null) {
                Thread.sleep(10);
            }
            stopper[0].join(60_000);
            assertThat(stopper[0].isAlive()).isFalse();
            List<?> curve = (List<?>) ((Map<?, ?>) ((List<?>) ResultsFile.read(file).get("runs")).get(0)).get("curve");
            assertThat(stored).containsExactly(0, 1, 2, 3, 4, 5);
            assertThat(curve).hasSize(6);
            assertThat(((Number) ((List<?>) curve.get(5)).get(0)).intValue()).isEqualTo(5);
        }
    }
}
