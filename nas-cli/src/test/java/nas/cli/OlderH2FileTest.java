package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import nas.api.FrozenTrial;
import nas.api.TrialState;
import nas.api.storage.Storage;
import nas.storage.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study file written under H2 2.3.232, before NAS moved to a newer H2, opens through its storage server and reads
 * exactly as that NAS read it, and takes new writes. The file ({@code h2-2.3.232-studies.mv.db.gz}, 1.0 MB
 * unpacked) was made by NAS itself: an evolution run {@code rows} started by the NAS of schema V9 (commit d8c27d4:
 * generations 0-2 a row per creature and genome), stopped by SIGTERM after generation 2, resumed by the NAS of
 * commit 76949aa (schema V10, H2 2.3.232: generations 3-7 in blocks); a run {@code blocks} by that NAS (2
 * generations); 20 trials of {@code nas search --study sphere --objective sphere --dim 2 --sampler random --seed 3}.
 * Each run records frames of its best, one random and its worst creature. The expected values are what that NAS
 * printed and exported from the file, on H2 2.3.232.
 */
class OlderH2FileTest {

    @TempDir
    Path dir;

    /** SHA-256 of {@code nas export RUN} of the file under H2 2.3.232. */
    private static final Map<String, String> EXPORTS = Map.of(
            "rows", "98db769809dfe5f868797dcbfa25d84cbbe8a969a0d8e7d139e57a0c6b8f1c36",
            "blocks", "9ee2cc2e7df89e294231b9589d21a1db55400352aad209bbefdc5173ec7b57ba");

    private String db() {
        return dir.resolve("older").toString();
    }

    private void unpack() throws Exception {
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("h2-2.3.232-studies.mv.db.gz"))) {
            Files.copy(in, dir.resolve("older.mv.db"));
        }
        // the damage check's record, as that NAS left it beside the file: the file must hold trial 19
        Files.writeString(dir.resolve("older.hwm.json"), "{\"sphere\":{\"studyId\":1,\"lastFinished\":19}}");
    }

    @Test
    void aFileOfH2_2_3_232ReadsAsItDidThenAndTakesNewWrites() throws Exception {
        unpack();
        String trials2_3 = resource("h2-2.3.232-sphere-trials.json");
        CliRunner.Result trials = ok(CliRunner.runOn(db(), "trials", "--study", "sphere", "--format", "json"));
        assertThat(trials.out()).isEqualTo(trials2_3);
        for (Map.Entry<String, String> e : EXPORTS.entrySet()) {
            assertThat(sha256(export(e.getKey()))).as("export of run %s", e.getKey()).isEqualTo(e.getValue());
        }
        try (Storage storage = new StorageOptions(db()).openExisting()) {
            List<FrozenTrial> all = storage.trials(storage.findStudy("sphere").getAsLong(), EnumSet.allOf(TrialState.class));
            assertThat(all).hasSize(20).allMatch(t -> t.state() == TrialState.COMPLETE);
            FrozenTrial seventh = all.get(7);
            assertThat(seventh.number()).isEqualTo(7);
            assertThat(seventh.params()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("x0", -0.4230666757481867, "x1", 2.5038646439399734));
            assertThat(seventh.value()).isEqualTo(6.448323567301271)
                    .isEqualTo(-0.4230666757481867 * -0.4230666757481867 + 2.5038646439399734 * 2.5038646439399734);
            for (FrozenTrial t : all) { // the sphere objective, computed again from the parameters read back
                double x0 = (Double) t.params().get("x0");
                double x1 = (Double) t.params().get("x1");
                assertThat(t.value()).as("trial %d", t.number()).isEqualTo(x0 * x0 + x1 * x1);
            }
        }
        CliRunner.readRuns(db(), runs -> {
            RunStore.Run rows = runs.run("rows").orElseThrow();
            assertThat(rows.status()).isEqualTo(RunStore.COMPLETE);
            assertThat(rows.generationsDone()).isEqualTo(8);
            assertThat(rows.bestFitness()).isEqualTo(13.317133907334);
            assertThat(rows.bestGeneration()).isEqualTo(6);
            assertThat(runs.generations("rows", 0).stream().map(RunStore.Generation::best).toList()).containsExactly(
                    1.0279500076244867, 1.2353655572857447, 1.210160732579182, 1.2111138931172034, 3.9705664366438134,
                    0.9828669990717047, 13.317133907334, 1.356453010152817);
            // generation 1: rows of schema V9 (creature rows, genome rows); generation 5: a V10 block
            RunStore.Creature v9 = runs.creatures("rows", 1).get(4);
            assertThat(v9.fitness()).isEqualTo(1.2353655572857447);
            assertThat(v9.genomeId()).isEqualTo(4294967300L);
            assertThat(v9.parents()).containsExactly(4);
            assertThat(sha256(v9.genome())).isEqualTo("17e23c07b0df2c8403e316578dc9190ac0229a9dd69d9f82046c91d67bc17da7");
            assertThat(runs.framedCreatures("rows", 1)).containsExactly(2, 3, 4);
            assertThat(sha256(runs.frames("rows", 1, 4).orElseThrow().data()))
                    .isEqualTo("3ab9166bf211c275ca34c1a32850f0ce8baf5b3ddcd3649904a311b9de9d8094");
            // a survivor of generation 1 in generation 5's block keeps its id and genome, stored in a V9 row
            RunStore.Creature v10 = runs.creatures("rows", 5).get(1);
            assertThat(v10.fitness()).isEqualTo(0.9828669990717047);
            assertThat(v10.genomeId()).isEqualTo(4294967300L);
            assertThat(v10.genome()).isEqualTo(v9.genome());
            assertThat(sha256(runs.frames("rows", 5, 1).orElseThrow().data()))
                    .isEqualTo("01bed7fdedc991aeee6d2a24aab833d5f4ddbeb57439cd7d6f2f7e5f95628209");
            RunStore.Creature bred = runs.creatures("rows", 5).get(2);
            assertThat(bred.genomeId()).isEqualTo(21474836482L);
            assertThat(sha256(bred.genome())).isEqualTo("d3adff4bf37f1103ce8c614580b0ca063c32c5fd034f03304ccb31a155a54d21");
            assertThat(runs.frames("rows", 5, 2)).isEmpty();
            RunStore.Checkpoint checkpoint = runs.lastCheckpoint("rows").orElseThrow();
            assertThat(checkpoint.generation()).isEqualTo(6);
            assertThat(sha256(checkpoint.state())).isEqualTo("f9cdba78ab6d6b35dcecc733042191862748f297d8891a9168489c511b77c22a");
            RunStore.Creature block = runs.creatures("blocks", 1).get(0);
            assertThat(block.fitness()).isEqualTo(0.40260608616353);
            assertThat(sha256(block.genome())).isEqualTo("261ddfbd727e6408ebb74a1a16a29cd69a64f0435c80386a4479730097c71f60");
            assertThat(sha256(runs.frames("blocks", 1, 0).orElseThrow().data()))
                    .isEqualTo("faf36709e9589eca614b7173ab4ceb236d7829f11a34a62ba3924d74bf14ce83");
            return null;
        });

        // the file takes new trials and a new run, and compacts; what it held reads the same
        ok(CliRunner.runOn(db(), "search", "--study", "sphere", "--objective", "sphere", "--dim", "2", "--sampler",
                "random", "--seed", "3", "--n-trials", "5", "--quiet"));
        ok(CliRunner.runOn(db(), "evolve", "-c", "pure_baseline", "-p", "5", "-g", "2", "--seed", "13", "--run-id",
                "new", "-q"));
        CliRunner.Result compact = ok(CliRunner.runOn(db(), "compact", "--quiet"));
        assertThat(compact.out().strip()).matches("older\\.mv\\.db: [0-9.,]+ MB -> [0-9.,]+ MB in [0-9.,]+ s");
        StorageServers.stop(dir);
        String after = ok(CliRunner.runOn(db(), "trials", "--study", "sphere", "--format", "json")).out();
        assertThat(after).startsWith(trials2_3.strip().substring(0, trials2_3.strip().length() - 1) + ",{\"number\":20,");
        assertThat(after).contains("{\"number\":24,").doesNotContain("{\"number\":25,");
        for (Map.Entry<String, String> e : EXPORTS.entrySet()) {
            assertThat(sha256(export(e.getKey()))).as("export of run %s after the writes", e.getKey())
                    .isEqualTo(e.getValue());
        }
        int newRun = CliRunner.readRuns(db(), runs -> runs.run("new").orElseThrow().generationsDone());
        assertThat(newRun).isEqualTo(2);
    }

    private byte[] export(String run) throws Exception {
        Path out = dir.resolve(run + "-" + System.nanoTime() + ".json");
        ok(CliRunner.runOn(db(), "export", run, "--out", out.toString()));
        byte[] bytes = Files.readAllBytes(out);
        Files.delete(out);
        return bytes;
    }

    private String resource(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static CliRunner.Result ok(CliRunner.Result r) {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
