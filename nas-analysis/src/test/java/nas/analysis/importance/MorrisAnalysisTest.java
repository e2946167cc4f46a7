package nas.analysis.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.ToDoubleFunction;
import nas.samplers.morris.MorrisDesign;
import org.junit.jupiter.api.Test;

class MorrisAnalysisTest {

    private static MorrisAnalysis.Result run(MorrisDesign design, ToDoubleFunction<double[]> f, long seed) {
        int r = design.trajectories();
        double[][][] x = new double[r][][];
        double[][] y = new double[r][];
        for (int t = 0; t < r; t++) {
            x[t] = design.trajectory(t);
            y[t] = new double[x[t].length];
            for (int s = 0; s < x[t].length; s++) {
                y[t][s] = f.applyAsDouble(x[t][s]);
            }
        }
        return MorrisAnalysis.analyze(x, y, new MorrisAnalysis.Options(500, 0.95, seed));
    }

    @Test
    void linearFunctionHasExactEffectsAndNoSpread() {
        MorrisDesign design = MorrisDesign.generate(6, 4, 10, 40, 1L);
        MorrisAnalysis.Result result = run(design, x -> 10 * x[0] + 3 * x[1] + x[2], 2L);
        double[] expected = {10, 3, 1, 0, 0, 0};
        for (int i = 0; i < 6; i++) {
            MorrisIndices m = result.indices().get(i);
            assertThat(m.muStar()).isCloseTo(expected[i], within(1e-12));
            assertThat(m.mu()).isCloseTo(expected[i], within(1e-12));
            assertThat(m.sigma()).isCloseTo(0.0, within(1e-12));
            assertThat(m.muStarLow()).isCloseTo(expected[i], within(1e-12));
            assertThat(m.muStarHigh()).isCloseTo(expected[i], within(1e-12));
            assertThat(m.effects()).isEqualTo(10);
        }
        assertThat(result.missingSteps()).isZero();
    }

    /** Sobol's G-function, the standard screening test case (Saltelli et al. 2008, section 3.6). */
    private static double gFunction(double[] x) {
        double[] a = {0, 1, 4.5, 9, 99, 99, 99, 99};
        double g = 1;
        for (int i = 0; i < 8; i++) {
            g *= (Math.abs(4 * x[i] - 2) + a[i]) / (1 + a[i]);
        }
        return g;
    }

    @Test
    void gFunctionGivesThePublishedOrdering() {
        // Importance falls with a_i: x0 > x1 > x2 > x3 > {x4..x7}, the last four negligible.
        MorrisDesign design = MorrisDesign.generate(8, 4, 20, 100, 42L);
        MorrisAnalysis.Result result = run(design, MorrisAnalysisTest::gFunction, 3L);
        double[] muStar = result.indices().stream().mapToDouble(MorrisIndices::muStar).toArray();
        assertThat(muStar[0]).isGreaterThan(muStar[1]);
        assertThat(muStar[1]).isGreaterThan(muStar[2]);
        assertThat(muStar[2]).isGreaterThan(muStar[3]);
        for (int i = 4; i < 8; i++) {
            assertThat(muStar[3]).isGreaterThan(muStar[i]);
            assertThat(muStar[i]).isLessThan(0.05 * muStar[0]);
        }
        // x0 interacts with everything important: its effects vary.
        assertThat(result.indices().get(0).sigma()).isGreaterThan(0.1);
        MorrisIndices first = result.indices().get(0);
        assertThat(first.muStarLow()).isLessThan(first.muStar()).isGreaterThan(0);
        assertThat(first.muStarHigh()).isGreaterThan(first.muStar());
    }

    @Test
    void handComputedEffectsAndMissingOutputs() {
        // Two parameters, one trajectory of three points; effects (5-1)/0.5 = 8 for x0, (2-5)/(-0.5) = 6 for x1.
        double[][][] x = {{{0, 0.5}, {0.5, 0.5}, {0.5, 0}}, {{1, 1}, {0.5, 1}, {0.5, 0.5}}};
        double[][] y = {{1, 5, 2}, {4, Double.NaN, 7}};
        MorrisAnalysis.Result result = MorrisAnalysis.analyze(x, y, MorrisAnalysis.Options.defaults());
        assertThat(result.indices().get(0).mu()).isEqualTo(8.0);
        assertThat(result.indices().get(1).mu()).isEqualTo(6.0);
        assertThat(result.indices().get(0).effects()).isEqualTo(1);
        assertThat(result.indices().get(0).sigma()).isNaN();
        assertThat(result.missingSteps()).isEqualTo(2);
    }

    @Test
    void sameSeedSameIntervalsDifferentSeedDifferentIntervals() {
        MorrisDesign design = MorrisDesign.generate(8, 4, 10, 0, 9L);
        MorrisAnalysis.Result a = run(design, MorrisAnalysisTest::gFunction, 5L);
        MorrisAnalysis.Result b = run(design, MorrisAnalysisTest::gFunction, 5L);
        MorrisAnalysis.Result c = run(design, MorrisAnalysisTest::gFunction, 6L);
        assertThat(a).isEqualTo(b);
        assertThat(a.indices().get(0).muStarLow()).isNotEqualTo(c.indices().get(0).muStarLow());
        assertThat(a.indices().get(0).muStar()).isEqualTo(c.indices().get(0).muStar());
    }

    @Test
    void rejectsStepsChangingTwoCoordinates() {
        double[][][] x = {{{0, 0}, {0.5, 0.5}}};
        assertThatThrownBy(() -> MorrisAnalysis.analyze(x, new double[][] {{1, 2}}, MorrisAnalysis.Options.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("changes coordinates 0 and 1");
    }
}
