package nas.cli;

import nas.sim.evolution.FramesSetting;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nas.api.json.Json;
import nas.sim.config.Presets;
import nas.sim.evolution.EvolutionRun;
import nas.sim.evolution.PopulationEvaluator;
import nas.sim.evolution.RunResult;
import nas.storage.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nas evolve}, {@code nas runs}, {@code nas run-status}: what is stored, what is shown, bad input. */
class EvolveCommandsTest {

    @TempDir
    Path dir;

    private String url() {
        return dir.resolve("runs").toString();
    }

    private CliRunner.Result nas(String... args) {
        return CliRunner.runOn(url(), args);
    }

    private <T> T runs(java.util.function.Function<RunStore, T> read) {
        return CliRunner.readRuns(url(), read);
    }

    @Test
    void progressNamesTheGenerationsTheOtherCommandsKnow() {
        CliRunner.Result r = nas("evolve", "-p", "8", "-g", "3", "--run-id", "num", "--checkpoint-every", "2",
                "--every", "1", "--frames", "none");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> progress = r.err().lines().filter(l -> l.startsWith("[num] gen ")).toList();
        assertThat(progress).hasSize(3);
        List<Map<String, Object>> stored = runs(s -> s.generations("num", 0)).stream().map(
                nas.dashboard.StoredRuns::generation).toList();
        for (int g = 0; g < 3; g++) {
            // the generation just stored by its stored number (0-based), the count done apart, the best ever as stored
            assertThat(progress.get(g)).startsWith(String.format(java.util.Locale.ROOT,
                    "[num] gen %d | %d/3 done | best: %.1f | mean: %.1f | ", g, g + 1,
                    (Double) stored.get(g).get("best_ever"), (Double) stored.get(g).get("mean")))
                    .endsWith(g < 2 ? "| checkpoint: none" : "| checkpoint: before gen 2");
            // each number printed is one --generation takes
            assertThat(nas("replay", "num", "--generation", String.valueOf(g)).exitCode()).isZero();
        }
        assertThat(nas("replay", "num", "--generation", "3").err()).isEqualTo("nas: run 'num' has generations 0..2, "
                + "not 3\n");
        assertThat(nas("run-status", "num").out()).contains("Status:      COMPLETE, 3 of 3 generations done (100%)\n",
                "Checkpoint:  before generation 2 (every 2 generations)\n");
    }

    @Test
    void aRunStoresWhatTheSimulatorComputesAndTheCommandsShowIt() {
        CliRunner.Result r = nas("evolve", "-c", "pure_baseline", "-p", "30", "-g", "5", "-s", "42", "--run-id", "small",
                "--checkpoint-every", "2", "--frames", "selective", "--every", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("[small] gen 4 | 5/5 done", "checkpoint: before gen 4");
        // the same seed run in memory: the stored statistics are the run's
        RunResult memory;
        try (PopulationEvaluator ev = new PopulationEvaluator(2)) {
            memory = new EvolutionRun(Presets.builder("pure_baseline").set("population_size", 30).build(), ev)
                    .run(42, 5, null);
        }
        runs(s -> {
            RunStore.Run run = s.run("small").orElseThrow();
            assertThat(run.status()).isEqualTo(RunStore.COMPLETE);
            assertThat(run.bestFitness()).isEqualTo(memory.bestFitness());
            assertThat(run.bestGeneration()).isEqualTo(memory.bestGeneration());
            List<RunStore.Generation> gens = s.generations("small", 0);
            assertThat(gens).hasSize(5);
            for (int g = 0; g < 5; g++) {
                assertThat(gens.get(g).best()).isEqualTo(memory.generations().get(g).best());
                assertThat(gens.get(g).median()).isEqualTo(memory.generations().get(g).median());
                List<RunStore.Creature> creatures = s.creatures("small", g);
                assertThat(creatures).hasSize(30);
                assertThat(creatures.stream().mapToInt(RunStore.Creature::pellets).sum()).isEqualTo(gens.get(g).pellets());
                Map<?, ?> types = (Map<?, ?>) Json.read(gens.get(g).creatureTypes());
                assertThat(types.values().stream().mapToInt(v -> ((Number) v).intValue()).sum()).isEqualTo(30);
                assertThat(gens.get(g).diversity()).isPositive();
                // top 10, random 10, bottom 5
                assertThat(s.framedCreatures("small", g)).hasSize(25);
            }
            // the last population equals the in-memory one's, creature for creature
            List<RunStore.Creature> last = s.creatures("small", 4);
            for (int i = 0; i < 30; i++) {
                assertThat(last.get(i).fitness()).isEqualTo(memory.finalResults().get(i).fitness());
            }
            // checkpoints before generations 2 and 4; none after the last generation
            assertThat(s.lastCheckpoint("small").orElseThrow().generation()).isEqualTo(4);
            return null;
        });

        CliRunner.Result list = nas("runs", "--format", "csv");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out().lines().toList()).hasSize(2);
        assertThat(list.out()).startsWith("run,config,seed,status,generations,target,best,best_generation")
                .contains("small,pure_baseline,42,COMPLETE,5,5," + memory.bestFitness() + "," + memory.bestGeneration());

        CliRunner.Result csv = nas("run-status", "small", "--format", "csv");
        assertThat(csv.exitCode()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("generation,best,mean,median,worst,best_ever,pellets");
        assertThat(lines.get(3)).startsWith("2," + memory.generations().get(2).best() + ","
                + memory.generations().get(2).average() + "," + memory.generations().get(2).median());

        CliRunner.Result json = nas("run-status", "small", "--format", "json");
        Map<?, ?> status = (Map<?, ?>) Json.read(json.out());
        assertThat(((Number) status.get("last_checkpoint")).intValue()).isEqualTo(4);
        assertThat(status.get("eta_seconds")).isNull();
        assertThat((List<?>) status.get("generations_table")).hasSize(5);

        CliRunner.Result table = nas("run-status", "small", "--last", "2");
        assertThat(table.out()).contains("COMPLETE, 5 of 5 generations done (100%)", "before generation 4 (every 2 generations)",
                "Frames:      selective: top 10, random 10, bottom 5, 15 fps\n");
        assertThat(table.out().lines().filter(l -> l.matches("\\s*[34]\\s+.*"))).hasSize(2);
        // for people: fitness with the decimals that give the largest shown 5 significant digits, seconds to the ms
        // (csv and json above keep every digit)
        double largest = Math.abs(memory.bestFitness());
        for (int g = 3; g < 5; g++) {
            nas.sim.evolution.GenerationStats st = memory.generations().get(g);
            for (double v : new double[] {st.best(), st.average(), st.median(), st.worst(), st.bestEver()}) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        int decimals = Math.max(0, Math.min(4, 5 - (int) Math.floor(Math.log10(largest)) - 1));
        String f = "%." + decimals + "f";
        assertThat(table.out()).contains(String.format(java.util.Locale.ROOT, "Best:        " + f + " (generation %d)",
                memory.bestFitness(), memory.bestGeneration()));
        List<String> row4 = List.of(table.out().lines().filter(l -> l.matches("\\s*4\\s+.*")).findFirst().orElseThrow()
                .trim().split("\\s+"));
        nas.sim.evolution.GenerationStats st = memory.generations().get(4);
        RunStore.Generation stored = runs(s -> s.generations("small", 4).get(0));
        assertThat(stored.species()).as("no species column to leave empty").isNull();
        // the diversity with 4 significant digits of the larger of generations 3 and 4 (about 1: 3 or 4 decimals)
        double diversity = Math.max(stored.diversity(), runs(s -> s.generations("small", 3).get(0)).diversity());
        assertThat(diversity).isBetween(0.1, 9.999);
        String d = diversity >= 1 ? "%.3f" : "%.4f";
        assertThat(row4).containsExactly("4", String.format(java.util.Locale.ROOT, f, st.best()),
                String.format(java.util.Locale.ROOT, f, st.average()), String.format(java.util.Locale.ROOT, f,
                        st.median()), String.format(java.util.Locale.ROOT, f, st.worst()),
                String.format(java.util.Locale.ROOT, f, st.bestEver()), String.valueOf(stored.pellets()),
                String.format(java.util.Locale.ROOT, d, stored.diversity()),
                String.format(java.util.Locale.ROOT, "%.3f", stored.seconds()));
        // nas runs: the best as run-status shows it
        assertThat(nas("runs").out()).containsPattern("small +pure_baseline +42 +COMPLETE +5/5 +"
                + java.util.regex.Pattern.quote(String.format(java.util.Locale.ROOT, f, memory.bestFitness())) + " ");

        // replay: the best of generation 3 simulated again, its frames equal to the recorded ones
        CliRunner.Result replay = nas("replay", "small", "--generation", "3", "--rank", "1");
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("Fitness:  " + TextTable.num(memory.generations().get(3).best())
                + " (stored " + TextTable.num(memory.generations().get(3).best()) + ": identical)",
                "identical to the stored ones");
        CliRunner.Result frames = nas("replay", "small", "-G", "0", "--rank", "30", "--format", "csv");
        // 30 s at 15 frames per second, the first frame, and the header
        assertThat(frames.out().lines().count()).isEqualTo(452);
        Map<?, ?> replayJson = (Map<?, ?>) Json.read(nas("replay", "small", "-G", "4", "--format", "json").out());
        assertThat(replayJson.get("fitness")).isEqualTo(memory.generations().get(4).best());
        Map<?, ?> terms = (Map<?, ?>) replayJson.get("terms");
        double total = ((Number) terms.get("banked")).doubleValue() + ((Number) terms.get("progress")).doubleValue()
                + ((Number) terms.get("distance")).doubleValue() - ((Number) terms.get("efficiency")).doubleValue()
                - ((Number) terms.get("regression")).doubleValue();
        assertThat(Math.max(0, total)).isCloseTo(memory.generations().get(4).best(), org.assertj.core.data.Offset.offset(1e-9));
        assertBad(nas("replay", "small", "-G", "5"), "has generations 0..4, not 5");
        assertBad(nas("replay", "small", "-G", "1", "--rank", "31"), "--rank must be in 1..30");

        CliRunner.Result delete = nas("runs", "delete", "small");
        assertThat(delete.exitCode()).isZero();
        assertThat(nas("runs").out()).contains("(no runs in");
        assertThat(nas("runs", "delete", "small").exitCode()).isEqualTo(Nas.BAD_INPUT);
    }

    @Test
    void aChosenSelectionIsStoredReplayedExportedAndKeptOnResume() throws IOException {
        CliRunner.Result r = nas("evolve", "-p", "20", "-g", "4", "-s", "5", "--run-id", "few", "--checkpoint-every", "2",
                "--frame-top", "3", "--frame-random", "2", "--frame-bottom", "1", "--frame-rate", "5", "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
        FramesSetting setting = FramesSetting.selective(3, 2, 1);
        Map<Integer, List<byte[]>> before = new java.util.HashMap<>();
        runs(s -> {
            RunStore.Run run = s.run("few").orElseThrow();
            assertThat(run.framesMode()).isEqualTo("selective:3,2,1");
            assertThat(run.frameRate()).isEqualTo(5);
            for (int g = 0; g < 4; g++) {
                double[] fitness = s.creatures("few", g).stream().mapToDouble(RunStore.Creature::fitness).toArray();
                int[] ranked = nas.sim.evolution.FrameSelection.ranking(fitness);
                List<Integer> framed = s.framedCreatures("few", g);
                // the 3 best, the worst and 2 others: the creatures the setting chooses for this ranking
                assertThat(framed).hasSize(6).contains(ranked[0], ranked[1], ranked[2], ranked[19])
                        .containsExactlyElementsOf(java.util.Arrays.stream(setting.chosen(fitness, 5, g)).boxed().toList());
                int generation = g;
                before.put(g, framed.stream().map(i -> s.frames("few", generation, i).orElseThrow().data()).toList());
                // 30 simulated seconds at 5 frames a second, and the first frame
                assertThat(nas.sim.physics.FrameRecording.decode(before.get(g).get(0)).frameCount()).isEqualTo(151);
            }
            return null;
        });
        // nas runs and run-status say it alike; csv and json keep the stored key too
        assertThat(nas("run-status", "few").out()).contains("Frames:      selective: top 3, random 2, bottom 1, 5 fps\n");
        assertThat(nas("runs").out()).containsPattern("\\bfew +pure_baseline +5 +COMPLETE +4/4 +[\\d.]+ +selective: top 3, "
                + "random 2, bottom 1, 5 fps +\\d+s ");
        // the setting holds commas: quoted in CSV
        assertThat(nas("runs", "--format", "csv").out()).contains(",\"selective:3,2,1\",")
                .endsWith(",5,\"selective: top 3, random 2, bottom 1, 5 fps\"\n");
        assertThat((List<?>) Json.read(nas("runs", "--format", "json").out())).singleElement()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("frames", "selective:3,2,1")
                .containsEntry("frame_rate", 5L).containsEntry("frames_text", "selective: top 3, random 2, bottom 1, 5 fps");

        // replay: a creature with frames is checked against them, one without is simulated again all the same
        CliRunner.Result framed = nas("replay", "few", "-G", "2", "--rank", "1");
        assertThat(framed.exitCode()).as(framed.err()).isZero();
        assertThat(framed.out()).contains("(stored ", ": identical)", "Frames:   151 at 5 fps; identical to the stored ones");
        CliRunner.Result unframed = nas("replay", "few", "-G", "2", "--rank", "4", "--format", "json");
        Map<?, ?> u = (Map<?, ?>) Json.read(unframed.out());
        int fourth = ((Number) u.get("creature")).intValue();
        List<Integer> framedOf2 = runs(s -> s.framedCreatures("few", 2));
        assertThat(framedOf2).doesNotContain(fourth);
        assertThat(unframed.exitCode()).as(unframed.err()).isZero();
        assertThat(u.get("fitness_matches")).isEqualTo(true);
        assertThat(u.get("stored_frames_match")).isNull();
        assertThat((List<?>) u.get("frames")).hasSize(151);
        assertThat(nas("replay", "few", "-G", "2", "--rank", "4").out())
                .contains("Frames:   151 at 5 fps; none stored for this creature (re-simulated)");

        // export: frames for the chosen creatures, null for the others; the setting travels with the run
        Path file = dir.resolve("few.json");
        assertThat(nas("export", "few", "--out", file.toString()).exitCode()).isZero();
        Map<?, ?> export = (Map<?, ?>) Json.read(java.nio.file.Files.readString(file));
        assertThat(((Map<?, ?>) export.get("run")).get("framesMode")).isEqualTo("selective:3,2,1");
        for (Object gen : (List<?>) export.get("generations")) {
            List<?> creatures = (List<?>) ((Map<?, ?>) gen).get("creatures");
            assertThat(creatures).hasSize(20);
            assertThat(creatures.stream().filter(c -> ((Map<?, ?>) c).get("frames") != null)).hasSize(6);
        }
        Map<?, ?> one = (Map<?, ?>) Json.read(nas("export", "few", "--generation", "2", "--creature",
                String.valueOf(fourth)).out());
        List<?> oneCreature = (List<?>) ((Map<?, ?>) ((List<?>) one.get("generations")).get(0)).get("creatures");
        assertThat(((Map<?, ?>) oneCreature.get(0)).get("frames")).isNull();
        assertThat(((Map<?, ?>) oneCreature.get(0)).get("genome")).isNotNull();
        assertThat(nas("import", file.toString(), "--run-id", "few-copy").exitCode()).isZero();
        String copied = runs(s -> s.run("few-copy").orElseThrow().framesMode());
        assertThat(copied).isEqualTo("selective:3,2,1");

        // as a run killed after generation 3 would be: a resume takes no frame options and records as before
        runs(s -> {
            s.rewind("few", 2, RunStore.RUNNING, s.run("few").orElseThrow().codeVersion());
            return null;
        });
        assertBad(nas("evolve", "--resume", "few", "--frame-top", "4"), "leave out --frame-top");
        assertBad(nas("evolve", "--resume", "few", "--frame-rate", "15"), "leave out --frame-rate");
        // each setting given is named, and only those (the message listed all twelve)
        CliRunner.Result two = nas("evolve", "--resume", "few", "-g", "300", "--seed", "3");
        assertBad(two, "nas: --resume continues a run with the settings it was started with; leave out --generations "
                + "and --seed");
        assertThat(two.err().strip()).endsWith("leave out --generations and --seed");
        List<Integer> rewound = runs(s -> s.framedCreatures("few", 2));
        assertThat(rewound).isEmpty();
        CliRunner.Result resumed = nas("evolve", "--resume", "few", "-q");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        runs(s -> {
            assertThat(s.run("few").orElseThrow().generationsDone()).isEqualTo(4);
            for (int g = 2; g < 4; g++) {
                int generation = g;
                List<byte[]> again = s.framedCreatures("few", g).stream()
                        .map(i -> s.frames("few", generation, i).orElseThrow().data()).toList();
                assertThat(again).hasSize(6);
                for (int k = 0; k < 6; k++) {
                    assertThat(again.get(k)).isEqualTo(before.get(g).get(k));
                }
            }
            return null;
        });
    }

    @Test
    void badFrameOptionsAreOneLineWithExitTwo() {
        assertBad(nas("evolve", "-g", "2", "--frame-top", "-1"),
                "--frame-top, --frame-random and --frame-bottom must be >= 0, but got -1, 10 and 5");
        assertBad(nas("evolve", "-g", "2", "--frame-top", "0", "--frame-random", "0", "--frame-bottom", "0"),
                "no creature would get frames; for that, say --frames none");
        assertBad(nas("evolve", "-g", "2", "--frames", "none", "--frame-top", "4"),
                "--frame-top, --frame-random and --frame-bottom choose the creatures of --frames selective");
        assertBad(nas("evolve", "-g", "2", "--frame-rate", "0"), "--frame-rate must be >= 1, but got 0");
        // frames are taken every whole number of the presets' 30 steps a second: 14 fps would be 15, stored as 14
        assertBad(nas("evolve", "-g", "2", "--frame-rate", "14"), "frame rate 14 does not divide the physics rate of "
                + "30.0000 steps per simulated second (time_step 0.03333333333333333): frames are taken every whole "
                + "number of steps; give one of 1, 2, 3, 5, 6, 10, 15, 30");
        assertBad(nas("evolve", "-g", "2", "--frame-rate", "1000"), "frame rate 1000 does not divide");
        assertBad(CliRunner.run("benchmark", "evolve", "-g", "2", "--frame-rate", "14"), "frame rate 14 does not divide");
        CliRunner.Result notANumber = nas("evolve", "-g", "2", "--frame-top", "four");
        assertThat(notANumber.exitCode()).isEqualTo(Nas.BAD_INPUT);
        assertThat(notANumber.err()).contains("--frame-top", "'four' is not an int");
        assertBad(CliRunner.run("benchmark", "evolve", "-g", "2", "--frames", "all", "--frame-bottom", "1"),
                "--frames all records every creature");
        // nothing was started
        assertThat(nas("runs").out()).contains("(no runs in");
    }

    @Test
    void badInputIsOneLineWithExitTwoAndLosesNothing() {
        assertBad(nas("evolve", "-c", "nope", "-g", "2"), "unknown config 'nope'");
        assertBad(nas("evolve", "-g", "2", "--set", "no_such_key=1"), "unknown config key 'no_such_key'");
        assertBad(nas("evolve", "-g", "2", "--frames", "some"), "--frames must be none, selective or all");
        assertBad(nas("evolve", "--resume", "ghost"), "no run 'ghost'");

        CliRunner.Result ok = nas("evolve", "-p", "8", "-g", "3", "--run-id", "r", "--frames", "none", "-q");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertBad(nas("evolve", "-p", "8", "-g", "3", "--run-id", "r"), "run 'r' exists already: continue it with --resume r");
        assertBad(nas("evolve", "--resume", "r"), "run 'r' is complete (3 generations)");
        assertBad(nas("evolve", "--resume", "r", "--set", "mutation_rate=0.1"), "leave out --set");
        // the run is untouched by the refused commands
        List<RunStore.Generation> kept = runs(s -> s.generations("r", 0));
        assertThat(kept).hasSize(3);
    }

    @Test
    void aResumeUnderAnotherCodeVersionOrWithoutACheckpointIsRefusedUnlessForced() {
        CliRunner.Result ok = nas("evolve", "-p", "8", "-g", "6", "--run-id", "v", "--frames", "none",
                "--checkpoint-every", "2", "-q");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        // as a killed run of an older version would be: running, checkpoint before generation 2
        runs(s -> {
            s.rewind("v", 2, RunStore.RUNNING, "evolution-lab 0");
            return null;
        });
        assertBad(nas("evolve", "--resume", "v"), "it was run by code version 'evolution-lab 0'");
        int refused = runs(s -> s.run("v").orElseThrow().generationsDone());
        assertThat(refused).isEqualTo(2);
        CliRunner.Result forced = nas("evolve", "--resume", "v", "--force", "-q");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        int resumed = runs(s -> s.run("v").orElseThrow().generationsDone());
        assertThat(resumed).isEqualTo(6);

        CliRunner.Result none = nas("evolve", "-p", "8", "-g", "4", "--run-id", "n", "--frames", "none",
                "--checkpoint-every", "0", "-q");
        assertThat(none.exitCode()).isZero();
        // before: "Checkpoint:  none" here, and "before generation G (every 0)" after a signal's checkpoint
        assertThat(nas("run-status", "n").out()).contains("Checkpoint:  none (--checkpoint-every 0: one only when a "
                + "signal stops the run)");
        assertThat(RunStatusCommand.checkpoint(3, 0)).isEqualTo("before generation 3 (--checkpoint-every 0: one only "
                + "when a signal stops the run)");
        assertThat(RunStatusCommand.checkpoint(null, 1)).isEqualTo("none (every generation)");
        runs(s -> {
            s.setStatus("n", RunStore.RUNNING);
            return null;
        });
        assertBad(nas("evolve", "--resume", "n"), "run 'n' has no checkpoint to resume from");
    }

    @Test
    void aCheckpointStoredAsDeflatedJsonByEarlierVersionsResumesIdentically() throws Exception {
        CliRunner.Result ok = nas("evolve", "-p", "12", "-g", "6", "--run-id", "old", "--frames", "none",
                "--checkpoint-every", "2", "-q");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        List<String> straight = runs(s -> generationsFrom(s, 4));
        byte[] stored = runs(s -> s.lastCheckpoint("old").orElseThrow().state());
        assertThat(nas.sim.evolution.EvolutionStateBinary.isBinary(stored)).isTrue();
        // the checkpoint before generation 4 as earlier versions stored it, then a kill after generation 5
        byte[] deflatedJson = nas.storage.Deflate.text(new nas.sim.evolution.EvolutionStateJson()
                .toJson(Checkpoints.decode(stored)));
        StorageServers.stop(dir);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:" + url());
                java.sql.PreparedStatement p = c.prepareStatement(
                        "UPDATE evolution_checkpoints SET state = ? WHERE run_id = 'old' AND generation = 4")) {
            p.setBytes(1, deflatedJson);
            assertThat(p.executeUpdate()).isEqualTo(1);
        }
        runs(s -> {
            s.rewind("old", 4, RunStore.RUNNING, nas.sim.evolution.EvolutionState.CODE_VERSION);
            return null;
        });
        CliRunner.Result resumed = nas("evolve", "--resume", "old", "-q");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        List<String> continued = runs(s -> generationsFrom(s, 4));
        assertThat(continued).hasSize(2 * 13).isEqualTo(straight);
        // the export carries the state as JSON whichever form it is stored in
        assertThat(Checkpoints.toJson(deflatedJson)).isEqualTo(Checkpoints.toJson(stored));
    }

    /** Statistics and every creature's fitness and genome of the generations from {@code from} on. */
    private static List<String> generationsFrom(RunStore s, int from) {
        List<String> out = new java.util.ArrayList<>();
        for (RunStore.Generation g : s.generations("old", from)) {
            out.add(g.generation() + " " + g.best() + " " + g.mean() + " " + g.median() + " " + g.diversity());
            for (RunStore.Creature k : s.creatures("old", g.generation())) {
                out.add(k.index() + " " + k.fitness() + " " + java.util.Base64.getEncoder().encodeToString(k.genome()));
            }
        }
        return out;
    }

    private static void assertBad(CliRunner.Result r, String message) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(Nas.BAD_INPUT);
        assertThat(r.err()).contains(message);
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
    }
}
