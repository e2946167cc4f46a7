package nas.samplers.cmaes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import nas.api.objective.functions.TestFunctions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
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

    /** Draws the given numbers in order, so a restart schedule can be checked by hand. */
    private static final class ScriptedRandom implements RandomGenerator {
        private final double[] draws;
        private int next;

        ScriptedRandom(double... draws) {
            this.draws = draws;
        }

        @Override
        public double nextDouble() {
            return draws[next++];
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("restarts draw doubles only");
        }

        int used() {
            return next;
        }
    }

    /** Runs {@code state} on a constant function (TOL_FUN after 10 + ⌈30n/λ⌉ generations) until it stops. */
    private static Cma stopOnConstant(CmaState state, CmaConfig config) {
        Cma cma = Cma.restore(state, config);
        CmaRuns.minimize(cma, x -> 1.0, Double.NEGATIVE_INFINITY, Long.MAX_VALUE);
        assertThat(cma.shouldStop()).isTrue();
        return cma;
    }

    /**
     * Hansen's BIPOP (GECCO 2009, details as in pycma's fmin) for n = 4 (λ_def = 8, σ_def = 2) on a
     * constant function, with U and V scripted: every λ, σ, regime and evaluation count below is
     * worked out by hand. A constant function stops a run by TOL_FUN after 10 + ⌈120/λ⌉ generations
     * unless a small run's cap (half of all large runs' evaluations) comes first.
     */
    @Test
    void bipopScheduleFollowsHansensRulesForAScriptedStream() {
        CmaConfig config = CmaConfig.box(filled(4, -5), filled(4, 5));
        double x = 0.5; // every restart's x0 coordinate: -5 + 0.5 · 10 = 0
        ScriptedRandom rng = new ScriptedRandom(
                x, x, x, x, // 1: large
                0.5, 0.25, x, x, x, x, // 2: small, U = 0.5, V = 0.25
                x, x, x, x, // 3: large
                0.75, 0.5, x, x, x, x, // 4: small, U = 0.75, V = 0.5
                0.0, 0.5, x, x, x, x, // 5: small, U = 0
                x, x, x, x); // 6: large
        // run 0: λ 8, TOL_FUN after 25 generations = 200 evaluations, counted in the small budget
        Cma first = stopOnConstant(Cma.initialState(filled(4, 1), 2, null, 0, false, config, 1), config);
        assertThat(first.generation()).isEqualTo(25);
        assertThat(first.termination()).contains(Termination.TOL_FUN);

        // run 1: small 200 vs large 0 → large, λ = 8 · 2 = 16, σ_def
        CmaState s1 = Restarts.next(first.state(), config, RestartStrategy.BIPOP, rng);
        assertThat(s1.smallRegime()).isFalse();
        assertThat(s1.popsize()).isEqualTo(16);
        assertThat(s1.sigma()).isEqualTo(2.0);
        assertThat(s1.mean()).containsExactly(0, 0, 0, 0);
        assertThat(s1.evalsSmall()).isEqualTo(200);
        assertThat(s1.evalsLarge()).isZero();
        Cma r1 = stopOnConstant(s1, config);
        assertThat(r1.generation()).isEqualTo(18); // 10 + ⌈120/16⌉: 288 evaluations

        // run 2: small 200 < large 288 → small, λ = ⌊8 · (16/8)^(0.5²)⌋ = ⌊9.51⌋ = 9, σ = 2 · 10^-0.5,
        // at most 288 / 2 = 144 evaluations: 16 generations (a 17th would make 153), before TOL_FUN's 24
        CmaState s2 = Restarts.next(r1.state(), config, RestartStrategy.BIPOP, rng);
        assertThat(s2.smallRegime()).isTrue();
        assertThat(s2.popsize()).isEqualTo(9);
        assertThat(s2.sigma()).isCloseTo(0.6324555320336759, within(1e-12));
        assertThat(s2.evalsLarge()).isEqualTo(288);
        Cma r2 = stopOnConstant(s2, config);
        assertThat(r2.generation()).isEqualTo(16);
        assertThat(r2.termination()).contains(Termination.SMALL_RUN_BUDGET);

        // run 3: small 344 > large 288 → large, λ = 32; TOL_FUN after 10 + ⌈120/32⌉ = 14: 448 evaluations
        CmaState s3 = Restarts.next(r2.state(), config, RestartStrategy.BIPOP, rng);
        assertThat(s3.smallRegime()).isFalse();
        assertThat(s3.popsize()).isEqualTo(32);
        assertThat(s3.evalsSmall()).isEqualTo(344);
        assertThat(s3.largeRestarts()).isEqualTo(2);
        Cma r3 = stopOnConstant(s3, config);
        assertThat(r3.generation()).isEqualTo(14);

        // run 4: 344 < 736 → small, λ = ⌊8 · (32/8)^(0.75²)⌋ = ⌊17.45⌋ = 17 (beyond half of λ_l = 32),
        // σ = 2 · 10^-1; cap 368 would allow 21 generations, TOL_FUN stops it after 18 (306 evaluations)
        CmaState s4 = Restarts.next(r3.state(), config, RestartStrategy.BIPOP, rng);
        assertThat(s4.smallRegime()).isTrue();
        assertThat(s4.popsize()).isEqualTo(17);
        assertThat(s4.sigma()).isCloseTo(0.2, within(1e-12));
        Cma r4 = stopOnConstant(s4, config);
        assertThat(r4.generation()).isEqualTo(18);
        assertThat(r4.termination()).contains(Termination.TOL_FUN);

        // run 5: 650 < 736 → small again, U = 0: λ = λ_def = 8
        CmaState s5 = Restarts.next(r4.state(), config, RestartStrategy.BIPOP, rng);
        assertThat(s5.smallRegime()).isTrue();
        assertThat(s5.popsize()).isEqualTo(8);
        assertThat(s5.evalsSmall()).isEqualTo(650);
        Cma r5 = stopOnConstant(s5, config); // 25 generations, 200 evaluations

        // run 6: 850 > 736 → large, λ = 8 · 2³ = 64
        CmaState s6 = Restarts.next(r5.state(), config, RestartStrategy.BIPOP, rng);
        assertThat(s6.smallRegime()).isFalse();
        assertThat(s6.popsize()).isEqualTo(64);
        assertThat(s6.evalsSmall()).isEqualTo(850);
        assertThat(s6.evalsLarge()).isEqualTo(736);
        assertThat(s6.restarts()).isEqualTo(6);
        assertThat(rng.used()).isEqualTo(30); // 4 x0 draws per restart, U and V for each small one
    }

    /** IPOP keeps its rules: every run in the large budget, λ doubling, σ_def, no cap. */
    @Test
    void ipopScheduleForAScriptedStream() {
        CmaConfig config = CmaConfig.box(filled(4, -5), filled(4, 5));
        ScriptedRandom rng = new ScriptedRandom(0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25);
        Cma first = stopOnConstant(Cma.initialState(filled(4, 1), 2, null, 0, false, config, 1), config);
        CmaState s1 = Restarts.next(first.state(), config, RestartStrategy.IPOP, rng);
        assertThat(s1.popsize()).isEqualTo(16);
        assertThat(s1.evalsLarge()).isEqualTo(200);
        assertThat(s1.evalsSmall()).isZero();
        Cma r1 = stopOnConstant(s1, config);
        assertThat(r1.generation()).isEqualTo(18);
        CmaState s2 = Restarts.next(r1.state(), config, RestartStrategy.IPOP, rng);
        assertThat(s2.smallRegime()).isFalse();
        assertThat(s2.popsize()).isEqualTo(32);
        assertThat(s2.sigma()).isEqualTo(2.0);
        assertThat(s2.mean()).containsExactly(-2.5, -2.5, -2.5, -2.5);
        assertThat(s2.evalsLarge()).isEqualTo(488);
        assertThat(stopOnConstant(s2, config).generation()).isEqualTo(14);
    }

    /**
     * Same seed, same BIPOP runs (λ, σ0, length, why each stopped), also when a small run is
     * saved as JSON and restored in the middle: its cap comes from the stored evaluation counts.
     */
    @Test
    void bipopRunsAreReproducibleAndSurviveASaveInASmallRun() {
        CmaConfig config = CmaConfig.box(filled(4, -5), filled(4, 5));
        List<String> a = bipopSchedule(config, 11, false);
        assertThat(a).anyMatch(r -> r.startsWith("small")).anyMatch(r -> r.startsWith("large"));
        assertThat(bipopSchedule(config, 11, false)).isEqualTo(a);
        assertThat(bipopSchedule(config, 11, true)).isEqualTo(a);
        assertThat(bipopSchedule(config, 12, false)).isNotEqualTo(a);
    }

    /** The runs of a BIPOP core loop on Rastrigin-4 over 20,000 evaluations, restarts seeded by {@code seed}. */
    private static List<String> bipopSchedule(CmaConfig config, long seed, boolean saveInSmallRuns) {
        List<String> runs = new ArrayList<>();
        Cma cma = Cma.start(filled(4, 3), 2, 0, false, config, seed);
        while (cma.evaluations() < 20_000) {
            int lambda = cma.popsize();
            double[][] xs = new double[lambda][];
            double[] fs = new double[lambda];
            for (int k = 0; k < lambda; k++) {
                xs[k] = cma.ask();
                fs[k] = TestFunctions.rastrigin(cma.toEvaluation(xs[k]));
            }
            cma.tell(xs, fs);
            if (saveInSmallRuns && cma.state().smallRegime() && cma.generation() == 3) {
                cma = Cma.restore(CmaStateCodec.fromJson(CmaStateCodec.toJson(cma.state())), config);
            }
            if (cma.shouldStop()) {
                CmaState s = cma.state();
                runs.add((s.restarts() == 0 ? "first" : s.smallRegime() ? "small" : "large") + " λ " + s.popsize()
                        + " σ0 " + s.sigma0() + " generations " + s.generation() + " " + cma.termination().get());
                cma = Generations.restart(cma, RestartStrategy.BIPOP, seed);
            }
        }
        return runs;
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
     * 49,781 evaluations) and BIPOP in at least one; over seeds 1..10 of {@code scripts/bench.sh
     * Cma restarts 10 100000 core}, IPOP 9 and BIPOP 5.
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
