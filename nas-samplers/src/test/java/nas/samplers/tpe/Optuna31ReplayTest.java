package nas.samplers.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.FloatDistribution;
import nas.api.sampler.RandomSampler;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/**
 * A whole run of Optuna 3.1's univariate TPE, rebuilt from NAS's TPE parts given Optuna's random numbers. The resource
 * holds every trial of {@code TPESampler(seed=2001)} on shifted-sphere4 (Σ (xᵢ − 1)², four floats in [−5, 5], the
 * function of {@code scripts/optuna-samplers.py}) for 300 trials, Optuna 3.1.0 with numpy 1.24. Optuna draws from two
 * numpy MT19937 streams seeded with 2001: one for the 10 random start-up trials (one uniform per parameter), one for
 * TPE (per parameter: 24 uniforms choosing the kernels, then 24 inverting the truncated normals). Fed those numbers,
 * {@link TrialSplit}, {@link TpeSampler#fit}, {@link ParzenEstimator#kernel}, {@link ParzenEstimator#coordinate} and
 * the width-weighted {@link ParzenEstimator#logPdf} must pick every parameter of every trial as Optuna did: the
 * split, weights (with the age ramp from 25 observations on), bandwidths (with the magic clip, saturated from about
 * 100 observations) and the scores are then the same at all 1,160 TPE steps, late ones included.
 */
class Optuna31ReplayTest {

    private static final FloatDistribution D = FloatDistribution.of(-5, 5);
    private static final int CANDIDATES = 24;

    /** numpy's {@code RandomState.random_sample}: 53 bits from two 32-bit outputs of MT19937. */
    private static double randomSample(MersenneTwister mt) {
        long a = Integer.toUnsignedLong(mt.nextInt()) >>> 5;
        long b = Integer.toUnsignedLong(mt.nextInt()) >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    @Test
    void rebuildsOptuna31RunFromItsRandomNumbers() throws IOException {
        List<double[]> optuna = read("optuna31-shifted-sphere4-seed2001.csv");
        assertThat(optuna).hasSize(300);
        MersenneTwister startup = new MersenneTwister(2001);
        MersenneTwister tpe = new MersenneTwister(2001);
        TpeOptions options = TpeOptions.defaults();
        TpeSpace space = new TpeSpace(Map.of("x", D));
        List<List<FrozenTrial>> history = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        double[] kernelU = new double[CANDIDATES];
        double[] normalU = new double[CANDIDATES];
        double[] x = new double[1];
        for (int t = 0; t < optuna.size(); t++) {
            double[] row = optuna.get(t);
            double value = 0;
            for (int p = 0; p < 4; p++) {
                double v;
                if (t < 10) {
                    v = RandomSampler.sample(D, randomSample(startup));
                } else {
                    TrialSplit split = TrialSplit.of(history.get(p), StudyDirection.MINIMIZE, options.gamma());
                    double[] goodWeights = TpeOptions.defaultWeights(split.below().size());
                    int n = history.get(p).size();
                    ParzenEstimator l = TpeSampler.fit(split.below(), goodWeights, space,
                            options.goodEstimatorSettings(1, n, goodWeights));
                    ParzenEstimator g = TpeSampler.fit(split.above(), TpeOptions.defaultWeights(split.above().size()),
                            space, options.estimatorSettings(1, n));
                    for (int c = 0; c < CANDIDATES; c++) {
                        kernelU[c] = randomSample(tpe);
                    }
                    for (int c = 0; c < CANDIDATES; c++) {
                        normalU[c] = randomSample(tpe);
                    }
                    double best = Double.NEGATIVE_INFINITY;
                    v = Double.NaN;
                    for (int c = 0; c < CANDIDATES; c++) {
                        x[0] = l.coordinate(0, l.kernel(kernelU[c]), normalU[c]);
                        double score = l.logPdf(x) - g.logPdf(x);
                        if (score > best) {
                            best = score;
                            v = x[0];
                        }
                    }
                }
                assertThat(v).as("trial %d, x%d", t, p).isCloseTo(row[p], within(1e-10));
                value += (v - 1) * (v - 1);
            }
            assertThat(value).as("trial %d", t).isCloseTo(row[4], within(1e-9));
            for (int p = 0; p < 4; p++) {
                // the history holds Optuna's values, so rounding differences (1e-13) cannot add up
                history.get(p).add(new FrozenTrial(t, t, TrialState.COMPLETE, List.of(row[4]), null, null,
                        Map.of("x", row[p]), Map.of("x", D), new TreeMap<>(), Map.of(), Map.of()));
            }
        }
    }

    private static List<double[]> read(String resource) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (InputStream in = Optuna31ReplayTest.class.getResourceAsStream(resource);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                String[] p = line.split(",");
                double[] row = new double[5];
                for (int i = 0; i < 5; i++) {
                    row[i] = Double.parseDouble(p[i + 1]);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
