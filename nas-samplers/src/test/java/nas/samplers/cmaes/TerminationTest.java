package nas.samplers.cmaes;

import static org.assertj.core.api.Assertions.assertThat;

import nas.api.objective.functions.TestFunctions;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Each criterion triggered by a scripted sequence of tells. */
class TerminationTest {

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /** Tells generations until a criterion fires; returns the generation it fired at. */
    private static int runUntilStop(Cma cma, ToDoubleFunction<double[]> f, int maxGenerations) {
        int lambda = cma.popsize();
        for (int g = 0; g < maxGenerations; g++) {
            if (cma.shouldStop()) {
                return cma.generation();
            }
            double[][] xs = new double[lambda][];
            double[] fs = new double[lambda];
            for (int k = 0; k < lambda; k++) {
                xs[k] = cma.ask();
                fs[k] = f.applyAsDouble(xs[k]);
            }
            cma.tell(xs, fs);
        }
        return cma.shouldStop() ? cma.generation() : -1;
    }

    @Test
    void tolFunFiresExactlyWhenTheHistoryWindowIsFlat() {
        // n = 4, λ = 8: window = 10 + ⌈30·4/8⌉ = 25 generations of constant values
        Cma cma = Cma.start(filled(4, 1), 1, 0, false, CmaConfig.unbounded(4), 1);
        int stoppedAt = runUntilStop(cma, x -> 3.0, 100);
        assertThat(stoppedAt).isEqualTo(25);
        assertThat(cma.termination()).contains(Termination.TOL_FUN);
    }

    @Test
    void tolXFiresOnSphereWhenTolFunIsOff() {
        CmaConfig config = CmaConfig.unbounded(3).withTolerances(0, 1e-12, 1e4, 1e14);
        Cma cma = Cma.start(filled(3, 1), 1, 0, false, config, 2);
        assertThat(runUntilStop(cma, TestFunctions::sphere, 5_000)).isPositive();
        assertThat(cma.termination()).contains(Termination.TOL_X);
        // σ·sqrt(C_ii) < 1e-12·σ0 in every coordinate
        double[][] c = cma.covariance();
        for (int i = 0; i < 3; i++) {
            assertThat(cma.sigma() * Math.sqrt(c[i][i])).isLessThan(1e-12);
        }
    }

    @Test
    void tolXUpFiresWhenTheStepSizeDiverges() {
        // maximizing the distance from the origin: σ grows without bound
        Cma cma = Cma.start(filled(3, 0), 1, 0, false, CmaConfig.unbounded(3), 3);
        assertThat(runUntilStop(cma, x -> -TestFunctions.sphere(x), 5_000)).isPositive();
        assertThat(cma.termination()).contains(Termination.TOL_X_UP);
        assertThat(cma.sigma()).isGreaterThan(1.0);
    }

    @Test
    void conditionFiresWhenOneCoordinateIsIrrelevant() {
        // only x0 matters: C stretches along x1 until its condition number passes 1e14
        CmaConfig config = CmaConfig.unbounded(2).withTolerances(0, 0, 1e300, 1e14);
        Cma cma = Cma.start(filled(2, 1), 1, 0, false, config, 4);
        assertThat(runUntilStop(cma, x -> x[0] * x[0], 20_000)).isPositive();
        assertThat(cma.termination()).contains(Termination.CONDITION_COV);
    }

    @Test
    void noEffectFiresWhenTheStepIsBelowFloatingPointResolutionOfTheMean() {
        CmaConfig config = CmaConfig.unbounded(2).withTolerances(0, 0, 1e4, 1e300);
        Cma cma = Cma.start(filled(2, 1e8 + 1), 1, 0, false, config, 5);
        assertThat(runUntilStop(cma, x -> TestFunctions.sphere(new double[] {x[0] - 1e8, x[1] - 1e8}),
                20_000)).isPositive();
        assertThat(cma.termination().get())
                .isIn(Termination.NO_EFFECT_AXIS, Termination.NO_EFFECT_COORD);
    }

    @Test
    void stagnationFiresOnPureNoise() {
        // values independent of x: no progress in best or median values over the window
        CmaConfig config = CmaConfig.unbounded(2).withTolerances(0, 0, 1e300, 1e300);
        Cma cma = Cma.start(filled(2, 0), 1, 0, false, config, 6);
        SplittableRandom noise = new SplittableRandom(99);
        int stoppedAt = runUntilStop(cma, x -> noise.nextDouble(), 5_000);
        assertThat(cma.termination()).contains(Termination.STAGNATION);
        assertThat(stoppedAt).isGreaterThanOrEqualTo(Cma.historyCapacity(2, 6));
    }

    @Test
    void noCriterionOnAFreshRunOrDuringProgress() {
        Cma cma = Cma.start(filled(5, 3), 1, 0, false, CmaConfig.unbounded(5), 7);
        assertThat(cma.shouldStop()).isFalse();
        CmaRuns.minimize(cma, TestFunctions::sphere, 1e-6, 100_000);
        assertThat(cma.bestValue()).isLessThan(1e-6);
        assertThat(cma.shouldStop()).isFalse();
    }
}
