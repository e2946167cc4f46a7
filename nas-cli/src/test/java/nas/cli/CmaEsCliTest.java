package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nas.api.Studies;
import nas.api.Study;
import nas.samplers.cmaes.CmaEsSampler;
import nas.samplers.cmaes.CmaState;
import nas.samplers.cmaes.CmaStateCodec;
import nas.api.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmaEsCliTest {

    @TempDir
    Path dir;

    private String db(String name) {
        return dir.resolve(name).toString();
    }

    private CmaState state(String storage, String study) {
        try (Storage db = new StorageOptions(storage).open()) {
            Study s = Studies.builder(study).storage(db).load();
            return CmaStateCodec.fromJson((String) s.systemAttrs().get(CmaEsSampler.STATE_KEY));
        }
    }

    @Test
    void cmaesSearchStoresItsRunWithTheGivenOptions() {
        CliRunner.Result r = CliRunner.run("search", "--study", "c", "--objective", "sphere", "--dim", "4",
                "--sampler", "cmaes", "--cma-sigma0", "0.7", "--cma-popsize", "6", "--cma-restart", "ipop",
                "--n-trials", "20", "--seed", "2", "--quiet", "--storage", db("c"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("best trial ");
        CmaState s = state(db("c"), "c");
        assertThat(s.popsize()).isEqualTo(6);
        assertThat(s.sigma0()).isEqualTo(0.7);
        assertThat(s.dimension()).isEqualTo(4);
        assertThat(s.generation()).isEqualTo(3); // trial 0 is random; trials 1..18 are three full generations
    }

    @Test
    void resumedCmaesSearchContinuesTheStoredRun() {
        // λ = 7 for three parameters: the first search stops inside the second generation
        String[] common = {"--study", "r", "--objective", "ellipsoid", "--dim", "3", "--sampler", "cmaes",
            "--seed", "5", "--quiet", "--storage"};
        CliRunner.run(concat(new String[] {"search", "--n-trials", "10"}, common, db("r")));
        CliRunner.run(concat(new String[] {"search", "--n-trials", "11"}, common, db("r")));
        CliRunner.run(concat(new String[] {"search", "--n-trials", "21"}, common, db("once")));
        CliRunner.Result a = CliRunner.run("trials", "--study", "r", "--format", "csv", "--storage", db("r"));
        CliRunner.Result b = CliRunner.run("trials", "--study", "r", "--format", "csv", "--storage", db("once"));
        assertThat(paramsOnly(a.out())).isEqualTo(paramsOnly(b.out()));
    }

    private static List<String> paramsOnly(String csv) {
        // drop the timing columns (datetime_start, datetime_complete, duration)
        return csv.lines().map(l -> {
            String[] f = l.split(",", -1);
            return f[0] + "," + f[1] + "," + f[2] + "," + String.join(",", List.of(f).subList(6, f.length));
        }).toList();
    }

    private static String[] concat(String[] a, String[] b, String last) {
        String[] out = new String[a.length + b.length + 1];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        out[out.length - 1] = last;
        return out;
    }

    @Test
    void badCmaesOptionsAreBadInput() {
        Map<String[], String> cases = Map.of(
                new String[] {"--sampler", "cmaes", "--cma-restart", "sometimes"},
                "nas: --cma-restart must be none, ipop or bipop, but got 'sometimes'",
                new String[] {"--sampler", "cmaes", "--cma-popsize", "1"},
                "nas: --cma-popsize must be 0 (default) or >= 2, got 1",
                new String[] {"--sampler", "random", "--cma-sigma0", "0.5"},
                "nas: --cma-sigma0, --cma-restart, --cma-popsize, --cma-separable, --cma-no-margin, --cma-warm-start "
                        + "and --cma-consider-pruned belong to --sampler cmaes, not 'random'",
                new String[] {"--sampler", "cmaes", "--cma-warm-start", "nowhere"},
                "nas: --cma-warm-start: no study 'nowhere' in this storage");
        cases.forEach((extra, message) -> {
            String[] args = concat(new String[] {"search", "--study", "x", "--objective", "sphere", "--n-trials", "3",
                "--quiet"}, extra, "--storage");
            CliRunner.Result r = CliRunner.run(concat(args, new String[0], db("bad")));
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).isEqualTo(message + System.lineSeparator());
        });
    }

    /**
     * A run warm-started from an earlier study on Rosenbrock starts next to that study's best
     * trials; a cold run starts at the centre of the box.
     */
    @Test
    void warmStartBeginsWhereTheEarlierStudyEnded() {
        String[] common = {"--objective", "rosenbrock", "--dim", "3", "--sampler", "cmaes", "--quiet", "--storage",
            db("ws")};
        CliRunner.Result source = CliRunner.run(concat(new String[] {"search", "--study", "src", "--n-trials", "300",
            "--seed", "1"}, common, "--heartbeat-interval=0"));
        assertThat(source.exitCode()).as(source.err()).isZero();
        CliRunner.Result warm = CliRunner.run(concat(new String[] {"search", "--study", "warm", "--n-trials", "2",
            "--seed", "2", "--cma-warm-start", "src"}, common, "--heartbeat-interval=0"));
        assertThat(warm.exitCode()).as(warm.err()).isZero();
        CliRunner.Result cold = CliRunner.run(concat(new String[] {"search", "--study", "cold", "--n-trials", "2",
            "--seed", "2"}, common, "--heartbeat-interval=0"));
        assertThat(cold.exitCode()).as(cold.err()).isZero();

        double[] best;
        try (Storage db = new StorageOptions(db("ws")).open()) {
            Map<String, Object> params = Studies.builder("src").storage(db).load().bestParams();
            best = new double[] {(Double) params.get("x0"), (Double) params.get("x1"), (Double) params.get("x2")};
        }
        double[] warmMean = state(db("ws"), "warm").mean();
        double[] coldMean = state(db("ws"), "cold").mean();
        // the cold run starts at the centre of [-5, 5]^3, the warm one near the source's best trials
        assertThat(distance(coldMean, new double[3])).isLessThan(1e-12);
        assertThat(distance(warmMean, best)).isLessThan(0.5).isLessThan(distance(coldMean, best) - 0.3);
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
