package nas.samplers.cmaes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nas.api.objective.functions.TestFunctions;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RestartsTest {

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /** A stopped run (constant values trip TOL_FUN) of dimension 4 in the box [-5, 5]. */
    private static Cma stoppedRun(CmaConfig config) {
        Cma cma = Cma.start(filled(4, 1), 2, 0, false, config, 1);
        CmaRuns.minimize(cma, x -> 1.0, Double.NEGATIVE_INFINITY, 10_000);
        assertThat(cma.shouldStop()).isTrue();
        return cma;
    }

    @Test
    void ipopDoublesPopulationKeepsSigmaAndRestartsInsideTheBox() {
        CmaConfig config = CmaConfig.box(filled(4, -5), filled(4, 5));
        Cma stopped = stoppedRun(config);
        long used = stopped.evaluations();
        SplittableRandom rng = new SplittableRandom(1);
        CmaState s1 = Restarts.next(stopped.state(), config, RestartStrategy.IPOP, rng);
        assertThat(s1.popsize()).isEqualTo(16); // 8 · 2
        assertThat(s1.sigma()).isEqualTo(2.0);
        assertThat(s1.restarts()).isEqualTo(1);
        assertThat(s1.generation()).isZero();
        assertThat(s1.evalsLarge()).isEqualTo(used);
        assertThat(s1.bestF()).isEqualTo(1.0);
        for (double m : s1.mean()) {
            assertThat(m).isBetween(-5.0, 5.0);
        }
        assertThat(s1.mean()).isNotEqualTo(stopped.mean());
        CmaState s2 = Restarts.next(s1, config, RestartStrategy.IPOP, rng);
        assertThat(s2.popsize()).isEqualTo(32);
        assertThat(s2.restarts()).isEqualTo(2);
    }

    @Test
    void bipopStartsLargeThenRunsSmallRegimeWhileItHasUsedFewerEvaluations() {
        CmaConfig config = CmaConfig.box(filled(4, -5), filled(4, 5));
        Cma stopped = stoppedRun(config);
        SplittableRandom rng = new SplittableRandom(2);
        CmaState large = Restarts.next(stopped.state(), config, RestartStrategy.BIPOP, rng);
        assertThat(large.smallRegime()).isFalse();
        assertThat(large.popsize()).isEqualTo(16);
        assertThat(large.sigma()).isEqualTo(2.0);
        // the large run has spent nothing yet, but the first run counts as large: small comes next
        CmaState small = Restarts.next(large, config, RestartStrategy.BIPOP, rng);
        assertThat(small.smallRegime()).isTrue();
        // λ_s ∈ [λ_def, λ_def · (λ_l / (2 λ_def))] = [8, 8], σ_s ∈ [σ_def / 100, σ_def]
        assertThat(small.popsize()).isEqualTo(8);
        assertThat(small.sigma()).isBetween(0.02, 2.0);
        assertThat(small.largeRestarts()).isEqualTo(1);
    }

    @Test
    void noneHasNoNextRun() {
        CmaConfig config = CmaConfig.box(filled(4, -5), filled(4, 5));
        Cma stopped = stoppedRun(config);
        assertThat(Restarts.continueOrRestart(stopped, RestartStrategy.NONE, new SplittableRandom(1)))
                .isSameAs(stopped);
        assertThatThrownBy(
                        () -> Restarts.next(stopped.state(), config, RestartStrategy.NONE,
                                new SplittableRandom(1)))
                .hasMessageContaining("restart strategy NONE has no next run");
    }

    @Test
    void ipopReachesABetterRastriginValueThanASingleRun() {
        int n = 5;
        CmaConfig config = CmaConfig.box(filled(n, -5), filled(n, 5));
        long budget = 40_000;
        double single = 0;
        double ipop = 0;
        for (long seed = 1; seed <= 3; seed++) {
            Cma one = Cma.start(filled(n, 3), 2, 0, false, config, seed);
            CmaRuns.minimize(one, TestFunctions::rastrigin, 1e-8, budget);
            single += one.bestValue();
            Cma cma = Cma.start(filled(n, 3), 2, 0, false, config, seed);
            SplittableRandom rng = new SplittableRandom(seed);
            while (cma.evaluations() < budget && cma.bestValue() >= 1e-8 || cma.generation() == 0) {
                CmaRuns.minimize(cma, TestFunctions::rastrigin, 1e-8, budget);
                if (!cma.shouldStop()) {
                    break;
                }
                cma = Restarts.continueOrRestart(cma, RestartStrategy.IPOP, rng);
            }
            ipop += cma.bestValue();
            assertThat(cma.restarts()).isPositive();
        }
        assertThat(ipop / 3).isLessThan(single / 3 / 2);
    }
    /**
     * Issue 16's check, Rastrigin-10 in [-5, 5] with σ0 = 10/6 and x0 uniform, 100,000 evaluations,
     * seeds 1..3: a reference restart loop around the Python cmaes library reached 1e-8 in 4 of the
     * 6 IPOP and BIPOP runs. Here IPOP reaches it in all three (measured: at 90,457, 51,091 and
     * 49,781 evaluations) and BIPOP in one; over seeds 1..10, IPOP 9 and BIPOP 8
     * ({@code scripts/bench.sh Cma restarts}).
     */
    @Test
    void ipopAndBipopSolveRastrigin10AsOftenAsTheReferenceLoop() {
        int n = 10;
        CmaConfig config = CmaConfig.box(filled(n, -5), filled(n, 5));
        int ipop = 0;
        int bipop = 0;
        for (long seed = 1; seed <= 3; seed++) {
            ipop += solvesRastrigin(config, RestartStrategy.IPOP, seed) ? 1 : 0;
            bipop += solvesRastrigin(config, RestartStrategy.BIPOP, seed) ? 1 : 0;
        }
        assertThat(ipop).isEqualTo(3);
        assertThat(ipop + bipop).isGreaterThanOrEqualTo(4);
    }

    private static boolean solvesRastrigin(CmaConfig config, RestartStrategy strategy, long seed) {
        SplittableRandom start = new SplittableRandom(seed * 7919 + 17);
        double[] x0 = new double[config.dimension()];
        for (int i = 0; i < x0.length; i++) {
            x0[i] = -5 + 10 * start.nextDouble();
        }
        Cma cma = Cma.start(x0, 10.0 / 6, 0, false, config, seed);
        SplittableRandom rng = new SplittableRandom(seed);
        while (cma.evaluations() < 100_000) {
            CmaRuns.minimize(cma, TestFunctions::rastrigin, 1e-8, 100_000); // counts all runs
            if (cma.bestValue() < 1e-8) {
                return true;
            }
            cma = Restarts.continueOrRestart(cma, strategy, rng);
        }
        return false;
    }
}
