package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nas.api.json.Json;
import nas.dashboard.StoredRuns;
import nas.sim.genome.GenomeBinary;
import nas.storage.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nas export RUN} and {@code nas import}: a run passes whole, and an unfinished one resumes after import. */
class RunTransferCommandsTest {

    @TempDir
    Path dir;

    private CliRunner.Result nas(String... args) {
        return CliRunner.runOn(dir.resolve("runs").toString(), args);
    }

    private <T> T runs(java.util.function.Function<RunStore, T> read) {
        return CliRunner.readRuns(dir.resolve("runs").toString(), read);
    }

    @Test
    void anExportedRunImportsIdenticallyAndAnUnfinishedOneResumes() throws Exception {
        CliRunner.Result ok = nas("evolve", "-p", "12", "-g", "6", "--run-id", "a", "--checkpoint-every", "2", "-q",
                "--set", "stagnation_limit=100");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        Path file = dir.resolve("a.json");
        CliRunner.Result export = nas("export", "a", "--out", file.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        CliRunner.Result imported = nas("import", file.toString(), "--run-id", "b");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported run 'b'");
        assertSame("a", "b", 0, true);
        String status = runs(s -> s.run("b").orElseThrow().status());
        assertThat(status).isEqualTo(RunStore.COMPLETE);

        // the same file again, under its own name: the run exists
        CliRunner.Result again = nas("import", file.toString());
        assertThat(again.exitCode()).isEqualTo(Nas.BAD_INPUT);
        assertThat(again.err().strip())
                .isEqualTo("nas: run 'a' exists already: import it under another name with --run-id NAME");
        CliRunner.Result againNamed = nas("import", file.toString(), "--run-id", "b");
        assertThat(againNamed.err().strip()).isEqualTo("nas: run 'b' exists already: give another name with --run-id");
        assertSame("a", "b", 0, true); // both untouched

        // a run killed after generation 4 (checkpoint before 4): exported, imported, resumed
        runs(s -> {
            s.rewind("a", 4, RunStore.RUNNING, s.run("a").orElseThrow().codeVersion());
            return null;
        });
        Path unfinished = dir.resolve("a-unfinished.json");
        assertThat(nas("export", "a", "--out", unfinished.toString()).exitCode()).isZero();
        assertThat(nas("import", unfinished.toString(), "--run-id", "c").exitCode()).isZero();
        CliRunner.Result resumed = nas("evolve", "--resume", "c", "-q");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertSame("b", "c", 0, false);

        // one creature of one generation, to look at; not importable as a run
        CliRunner.Result one = nas("export", "b", "--generation", "2", "--creature", "3");
        Map<?, ?> doc = (Map<?, ?>) Json.read(one.out());
        List<?> gens = (List<?>) doc.get("generations");
        assertThat(gens).hasSize(1);
        List<?> creatures = (List<?>) ((Map<?, ?>) gens.get(0)).get("creatures");
        assertThat(creatures).hasSize(1);
        assertThat(((Number) ((Map<?, ?>) creatures.get(0)).get("index")).intValue()).isEqualTo(3);
        Map<?, ?> creature = (Map<?, ?>) creatures.get(0);
        assertThat(((Map<?, ?>) creature.get("genome")).get("nodes")).isInstanceOf(List.class);
        // parents are indices in generation 1; a survivor's genome carries its own streak
        RunStore.Creature stored = runs(s -> s.creatures("b", 2).get(3));
        assertThat((List<?>) creature.get("parents")).hasSize(stored.parents().length).isNotEmpty();
        assertThat(((Number) ((List<?>) creature.get("parents")).get(0)).intValue()).isEqualTo(stored.parents()[0]);
        assertThat(((Number) ((Map<?, ?>) creature.get("genome")).get("survivalStreak")).intValue())
                .isEqualTo(stored.survivalStreak()).isPositive();
        Path part = dir.resolve("part.json");
        Files.writeString(part, one.out());
        CliRunner.Result partial = nas("import", part.toString(), "--run-id", "d");
        assertThat(partial.exitCode()).isEqualTo(Nas.BAD_INPUT);
        assertThat(partial.err()).contains("only whole-run exports");
        boolean created = runs(s -> s.run("d").isPresent());
        assertThat(created).isFalse();
        assertThat(nas("export", "b", "--creature", "1").err()).contains("--creature needs --generation");
        assertThat(nas("export", "nope").err()).contains("no run 'nope'");
    }

    /** Every generation of run {@code x} equals that of {@code y} (times too when {@code withTimes}). */
    private void assertSame(String x, String y, int from, boolean withTimes) {
        runs(s -> {
            List<RunStore.Generation> a = s.generations(x, from);
            List<RunStore.Generation> b = s.generations(y, from);
            assertThat(b).hasSameSizeAs(a).hasSize(6);
            for (int i = 0; i < a.size(); i++) {
                RunStore.Generation ga = a.get(i);
                RunStore.Generation gb = b.get(i);
                assertThat(gb.best()).isEqualTo(ga.best());
                assertThat(gb.median()).isEqualTo(ga.median());
                assertThat(gb.diversity()).isEqualTo(ga.diversity());
                assertThat(gb.creatureTypes()).isEqualTo(ga.creatureTypes());
                if (withTimes) {
                    assertThat(gb).isEqualTo(ga);
                }
                int g = ga.generation();
                List<RunStore.Creature> ca = s.creatures(x, g);
                List<RunStore.Creature> cb = s.creatures(y, g);
                assertThat(cb).hasSameSizeAs(ca);
                for (int k = 0; k < ca.size(); k++) {
                    assertThat(StoredRuns.genome(cb.get(k))).isEqualTo(StoredRuns.genome(ca.get(k)));
                    // stored in the same binary form, byte for byte
                    assertThat(GenomeBinary.isBinary(cb.get(k).genome())).isTrue();
                    assertThat(cb.get(k).genome()).isEqualTo(ca.get(k).genome());
                    assertThat(cb.get(k).fitness()).isEqualTo(ca.get(k).fitness());
                    assertThat(cb.get(k).pelletSeed()).isEqualTo(ca.get(k).pelletSeed());
                    assertThat(cb.get(k).genomeId()).isEqualTo(ca.get(k).genomeId());
                    assertThat(cb.get(k).parents()).isEqualTo(ca.get(k).parents());
                    assertThat(cb.get(k).survivalStreak()).isEqualTo(ca.get(k).survivalStreak());
                }
                assertThat(s.framedCreatures(y, g)).isEqualTo(s.framedCreatures(x, g));
                for (int k : s.framedCreatures(x, g)) {
                    assertThat(s.frames(y, g, k).orElseThrow().data()).isEqualTo(s.frames(x, g, k).orElseThrow().data());
                }
            }
            assertThat(s.run(y).orElseThrow().bestFitness()).isEqualTo(s.run(x).orElseThrow().bestFitness());
            return null;
        });
    }
}
