package nas.samplers.tpe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import nas.api.FrozenTrial;
import nas.api.MultiObjective;
import nas.api.Objective;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.exception.TrialPrunedException;
import nas.api.objective.functions.TestFunctions;
import nas.api.storage.InMemoryStorage;
import org.junit.jupiter.api.Test;

/**
 * The values TPE samples for a fixed seed, pinned bit for bit: work done to make TPE cheaper on
 * long studies must not change what it samples. Each digest is SHA-256 over every trial's
 * parameters (by name, as the bits of their internal values), in trial order, as TPE sampled them
 * before that work (session 16; the studies are long enough for the magic clip, the ramped weights
 * of old trials and kernels far from every candidate to matter).
 */
class TpeSampledValuesTest {

    /** 10-D sphere over [-5, 5]: many kernels of one bandwidth. */
    static final Objective SPHERE10 = t -> {
        double[] x = new double[10];
        for (int i = 0; i < x.length; i++) {
            x[i] = t.suggestFloat("x" + i, -5, 5);
        }
        return TestFunctions.sphere(x);
    };

    /** {@link TpeSamplerTest#MIXED}, but one trial in five reports and is pruned. */
    static final Objective MIXED_PRUNED = t -> {
        double v = TpeSamplerTest.MIXED.evaluate(t);
        if (t.number() % 5 == 3) {
            t.report(v + t.number() % 7, 0);
            throw new TrialPrunedException();
        }
        return v;
    };

    /** Two branches with parameters of their own: trials lack the other branch's. */
    static final Objective CONDITIONAL = t -> {
        if (t.suggestCategorical("kind", "a", "b").equals("a")) {
            double x = t.suggestFloat("xa", -5, 5);
            return x * x + t.suggestInt("na", 1, 9);
        }
        return Math.abs(Math.log(t.suggestFloat("yb", 0.01, 10, true))) + 1;
    };

    static String digest(Study study) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (FrozenTrial t : study.trials()) {
            for (Map.Entry<String, Double> e : new TreeMap<>(t.internalParams()).entrySet()) {
                sha.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(ByteBuffer.allocate(8).putLong(Double.doubleToLongBits(e.getValue())).array());
            }
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    static Study study(TpeOptions options, StudyDirection... directions) {
        return Studies.builder("pinned").storage(new InMemoryStorage()).directions(directions)
                .sampler(new TpeSampler(options)).seed(11).create();
    }

    @Test
    void univariateOnTenFloats() throws Exception {
        Study s = study(TpeOptions.defaults(), StudyDirection.MINIMIZE);
        s.optimize(SPHERE10, 400);
        assertThat(s.trials()).hasSize(400);
        assertThat(digest(s)).isEqualTo("2e9b60dacc29acc8");
    }

    @Test
    void univariateMixedWithPrunedTrialsAndExactDensities() throws Exception {
        Study s = study(TpeOptions.defaults().withWidthWeighted(false), StudyDirection.MINIMIZE);
        s.optimize(MIXED_PRUNED, 300);
        assertThat(digest(s)).isEqualTo("34ff50f5c8e6063d");
    }

    @Test
    void univariateMaximizing() throws Exception {
        Study s = study(TpeOptions.defaults(), StudyDirection.MAXIMIZE);
        s.optimize(t -> -TpeSamplerTest.MIXED.evaluate(t), 250);
        assertThat(digest(s)).isEqualTo("1f2fc3983a2cec63");
    }

    @Test
    void univariateConditional() throws Exception {
        Study s = study(TpeOptions.defaults(), StudyDirection.MINIMIZE);
        s.optimize(CONDITIONAL, 250);
        assertThat(digest(s)).isEqualTo("01dfb781b02e9b93");
    }

    @Test
    void groupedConditional() throws Exception {
        Study s = study(TpeOptions.defaults().withMultivariate(true).withGroup(true), StudyDirection.MINIMIZE);
        s.optimize(CONDITIONAL, 250);
        assertThat(digest(s)).isEqualTo("fbbf3a28dcdf8c2e");
    }

    @Test
    void multivariate() throws Exception {
        Study s = study(TpeOptions.defaults().withMultivariate(true), StudyDirection.MINIMIZE);
        s.optimize(TpeSamplerTest.MIXED, 250);
        assertThat(digest(s)).isEqualTo("934b64387fdaa1e8");
    }

    @Test
    void multiObjective() throws Exception {
        Study s = study(TpeOptions.defaults(), StudyDirection.MINIMIZE, StudyDirection.MINIMIZE);
        MultiObjective zdt1 = t -> {
            double[] u = new double[4];
            for (int i = 0; i < u.length; i++) {
                u[i] = t.suggestFloat("u" + i, 0, 1);
            }
            return TestFunctions.zdt1(u);
        };
        s.optimizeMulti(zdt1, OptimizeOptions.trials(200));
        assertThat(digest(s)).isEqualTo("25acf9aad44b365a");
    }
}
