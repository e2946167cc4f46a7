package nas.samplers.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import nas.api.FrozenTrial;
import nas.api.Objective;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.exception.TrialPrunedException;
import nas.api.objective.functions.TestFunctions;
import nas.api.sampler.RandomSampler;
import nas.api.sampler.Sampler;
import nas.api.storage.InMemoryStorage;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.within;
import nas.api.testing.LogCapture;
import java.util.logging.Level;

class TpeSamplerTest {

    static final Objective SPHERE3 = t -> {
        double[] x = new double[3];
        for (int i = 0; i < 3; i++) {
            x[i] = t.suggestFloat("x" + i, -5, 5);
        }
        return TestFunctions.sphere(x);
    };

    /** Float, log float, stepped int, log int and categorical; minimum 0 at x=1, lr=1e-3, n=8, m=16, c="b". */
    static final Objective MIXED = t -> {
        double x = t.suggestFloat("x", -3, 3);
        double lr = t.suggestFloat("lr", 1e-5, 1e-1, true);
        int n = t.suggestInt("n", 2, 20, 2);
        int m = t.suggestInt("m", 1, 256, true);
        String c = t.suggestCategorical("c", "a", "b", "c");
        return (x - 1) * (x - 1) + Math.pow(Math.log10(lr) + 3, 2) + Math.abs(n - 8) / 4.0
                + Math.abs(Math.log(m / 16.0)) + (c.equals("b") ? 0 : 1);
    };

    static Study study(Sampler sampler, StudyDirection direction) {
        return Studies.builder("tpe").storage(new InMemoryStorage()).directions(direction).sampler(sampler).seed(5).create();
    }

    static double best(Sampler sampler, Objective f, int n) {
        Study s = study(sampler, StudyDirection.MINIMIZE);
        s.optimize(f, n);
        return s.bestValue();
    }

    @Test
    void sameSeedSameStudyAnotherSeedAnotherStudy() {
        Study a = study(new TpeSampler(TpeOptions.defaults().withSeed(1L)), StudyDirection.MINIMIZE);
        Study b = study(new TpeSampler(TpeOptions.defaults().withSeed(1L)), StudyDirection.MINIMIZE);
        Study c = study(new TpeSampler(TpeOptions.defaults().withSeed(2L)), StudyDirection.MINIMIZE);
        for (Study s : List.of(a, b, c)) {
            s.optimize(MIXED, 40);
        }
        for (int i = 0; i < 40; i++) {
            assertThat(b.trials().get(i).params()).isEqualTo(a.trials().get(i).params());
        }
        assertThat(c.trials().get(30).params()).isNotEqualTo(a.trials().get(30).params());
    }

    @Test
    void theJointKernelsFloorIsOnePercentWithOneObjectiveAndShrinksWithFinishedTrialsWithSeveral() {
        TpeOptions mv = TpeOptions.defaults().withMultivariate(true);
        for (int n : new int[] {0, 10, 199, 200, 250, 400, 999, 1000, 5000}) {
            assertThat(mv.estimatorSettings(1, n).minBandwidth()).isEqualTo(0.01);
        }
        // several objectives: 1 / min(100, max(20, n/10)) of the range
        assertThat(mv.estimatorSettings(2, 0).minBandwidth()).isEqualTo(0.05);
        assertThat(mv.estimatorSettings(2, 200).minBandwidth()).isEqualTo(0.05);
        assertThat(mv.estimatorSettings(2, 250).minBandwidth()).isCloseTo(1 / 25.0, within(1e-15));
        assertThat(mv.estimatorSettings(3, 400).minBandwidth()).isCloseTo(1 / 40.0, within(1e-15));
        assertThat(mv.estimatorSettings(2, 800).minBandwidth()).isCloseTo(1 / 80.0, within(1e-15));
        assertThat(mv.estimatorSettings(2, 1000).minBandwidth()).isEqualTo(0.01);
        assertThat(mv.estimatorSettings(2, 5000).minBandwidth()).isEqualTo(0.01);
        // never rising as trials accumulate
        for (int n = 1; n <= 2000; n++) {
            assertThat(TpeOptions.multiObjectiveMinBandwidth(n)).isLessThanOrEqualTo(TpeOptions.multiObjectiveMinBandwidth(n - 1));
        }
    }

    @Test
    void widthWeightedScoringIsTheSingleObjectiveUnivariateDefaultAndReproducible() {
        TpeOptions defaults = TpeOptions.defaults();
        assertThat(defaults.widthWeighted()).isTrue();
        assertThat(defaults.estimatorSettings(1, 50).widthWeighted()).isTrue();
        // the joint estimator and multi-objective studies always use the exact density
        assertThat(defaults.withMultivariate(true).estimatorSettings(1, 50).widthWeighted()).isFalse();
        assertThat(defaults.estimatorSettings(2, 50).widthWeighted()).isFalse();
        // the exact density is one option away, and back again
        TpeOptions exactOptions = defaults.withWidthWeighted(false);
        assertThat(exactOptions.estimatorSettings(1, 50).widthWeighted()).isFalse();
        assertThat(exactOptions.withWidthWeighted(true)).isEqualTo(defaults);

        Study a = study(new TpeSampler(defaults.withSeed(1L)), StudyDirection.MINIMIZE);
        Study b = study(new TpeSampler(defaults.withSeed(1L)), StudyDirection.MINIMIZE);
        Study explicit = study(new TpeSampler(defaults.withSeed(1L).withWidthWeighted(true)), StudyDirection.MINIMIZE);
        Study exact = study(new TpeSampler(exactOptions.withSeed(1L)), StudyDirection.MINIMIZE);
        for (Study s : List.of(a, b, explicit, exact)) {
            s.optimize(MIXED, 40);
        }
        int differ = 0;
        for (int i = 0; i < 40; i++) {
            assertThat(b.trials().get(i).params()).isEqualTo(a.trials().get(i).params());
            assertThat(explicit.trials().get(i).params()).isEqualTo(a.trials().get(i).params());
            if (!exact.trials().get(i).params().equals(a.trials().get(i).params())) {
                differ++;
                assertThat(i).as("the random start-up trials are the same").isGreaterThanOrEqualTo(10);
            }
        }
        assertThat(differ).isGreaterThan(0);
    }

    @Test
    void theDefaultProposesTheCandidateWithTheBestWidthWeightedScore() {
        // hand-made trials on [−5, 5]: good x = −1, 0.5, 2 (values 0, 1, 2), bad −4, −3, −0.5, 1, 3, 4.5 (values 10..15);
        // three good ones (gamma 3) as in ParzenEstimatorTest, whose scores Optuna 3.1 and SciPy confirm; TPE from
        // the tenth trial on
        Study s = study(new TpeSampler(TpeOptions.defaults().withSeed(1L).withGamma(n -> 3).withNStartupTrials(9)), StudyDirection.MINIMIZE);
        nas.api.distribution.FloatDistribution d = nas.api.distribution.FloatDistribution.of(-5, 5);
        double[] xs = {-1, 0.5, 2, -4, -3, -0.5, 1, 3, 4.5};
        double[] values = {0, 1, 2, 10, 11, 12, 13, 14, 15};
        for (int i = 0; i < xs.length; i++) {
            s.addTrial(FrozenTrial.of(TrialState.COMPLETE, List.of(values[i]), java.util.Map.of("x", xs[i]),
                    java.util.Map.of("x", d)));
        }
        double[][] good = {{-1.0}, {0.5}, {2.0}};
        double[][] bad = {{-4.0}, {-3.0}, {-0.5}, {1.0}, {3.0}, {4.5}};
        ParzenEstimator.Dimension[] box = {ParzenEstimator.Dimension.continuous(-5, 5)};
        ParzenEstimator.Settings ww = new ParzenEstimator.Settings(true, 1.0, true, false, false, true);
        ParzenEstimator.Settings exactSettings = new ParzenEstimator.Settings(true, 1.0, true, false, false, false);
        ParzenEstimator l = ParzenEstimator.fit(good, TpeOptions.defaultWeights(3), box, ww);
        ParzenEstimator g = ParzenEstimator.fit(bad, TpeOptions.defaultWeights(6), box, ww);
        ParzenEstimator lExact = ParzenEstimator.fit(good, TpeOptions.defaultWeights(3), box, exactSettings);
        ParzenEstimator gExact = ParzenEstimator.fit(bad, TpeOptions.defaultWeights(6), box, exactSettings);
        // l at x = 0 by hand: kernels (−1, 2), (0.5, 2), (2, 2) (gaps 1.5 at most, raised to the clip 10 / 5) and the
        // prior (0, 10), weights 1/4; m = each kernel's mass inside [−5, 5]. The exact density divides each
        // kernel's term by its σ, the width-weighted one does not.
        double[] mu = {-1, 0.5, 2, 0};
        double[] sigma = {2, 2, 2, 10};
        double exactSum = 0;
        double weightedSum = 0;
        for (int k = 0; k < 4; k++) {
            double z = (0 - mu[k]) / sigma[k];
            double m = TruncatedNormal.cdf((5 - mu[k]) / sigma[k]) - TruncatedNormal.cdf((-5 - mu[k]) / sigma[k]);
            double term = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) / m / 4;
            weightedSum += term;
            exactSum += term / sigma[k];
        }
        assertThat(l.logPdf(new double[] {0})).isCloseTo(Math.log(weightedSum), within(1e-12));
        assertThat(lExact.logPdf(new double[] {0})).isCloseTo(Math.log(exactSum), within(1e-12));
        // each proposal is, of the 24 candidates its trial draws from l, the one with the best width-weighted
        // score; the exact scores pick another one in most trials (failed trials leave the model as it is)
        int otherPick = 0;
        try (LogCapture log = LogCapture.start()) {
            for (int k = 0; k < 10; k++) {
                nas.api.Trial t = s.ask();
                double x = t.suggestFloat("x", -5, 5);
                s.tell(t, TrialState.FAIL);
                double[] best = TpeSampler.bestCandidate(l, g, 24, nas.api.Seeds.random(1L, t.number(), nas.api.Seeds.hash("x")));
                double[] bestExact = TpeSampler.bestCandidate(lExact, gExact, 24,
                        nas.api.Seeds.random(1L, t.number(), nas.api.Seeds.hash("x")));
                assertThat(x).as("trial %d", t.number()).isEqualTo(best[0]);
                otherPick += bestExact[0] != x ? 1 : 0;
            }
            assertThat(log.messages(Level.WARNING)).hasSize(10);
        }
        assertThat(otherPick).as("seed 1: 6 of 10").isGreaterThanOrEqualTo(3);
    }

    @Test
    void startupTrialsAreTheRandomSamplersOnes() {
        Study tpe = study(new TpeSampler(TpeOptions.defaults().withSeed(3L)), StudyDirection.MINIMIZE);
        Study rnd = study(new RandomSampler(3), StudyDirection.MINIMIZE);
        tpe.optimize(SPHERE3, 12);
        rnd.optimize(SPHERE3, 12);
        for (int i = 0; i < 10; i++) {
            assertThat(tpe.trials().get(i).params()).isEqualTo(rnd.trials().get(i).params());
        }
        assertThat(tpe.trials().get(10).params()).isNotEqualTo(rnd.trials().get(10).params());
    }

    @Test
    void beatsRandomSearchOnSphereAndOnAMixedSpace() {
        // median of five seeds after 80 trials
        for (Objective f : List.of(SPHERE3, MIXED)) {
            double[] tpe = new double[5];
            double[] multi = new double[5];
            double[] rnd = new double[5];
            for (int s = 0; s < 5; s++) {
                tpe[s] = best(new TpeSampler(TpeOptions.defaults().withSeed((long) s)), f, 80);
                multi[s] = best(new TpeSampler(TpeOptions.defaults().withSeed((long) s).withMultivariate(true)), f, 80);
                rnd[s] = best(new RandomSampler(s), f, 80);
            }
            Arrays.sort(tpe);
            Arrays.sort(multi);
            Arrays.sort(rnd);
            assertThat(tpe[2]).isLessThan(0.5 * rnd[2]);
            assertThat(multi[2]).isLessThan(0.5 * rnd[2]);
        }
    }

    @Test
    void constraintsSetInTheTrialSteerTheSearchToTheFeasibleOptimum() {
        // minimize x on [0, 10] subject to x >= 3: the optimum is the boundary x = 3
        for (boolean constrained : new boolean[] {true, false}) {
            Study s = study(new TpeSampler(TpeOptions.defaults().withSeed(8L)), StudyDirection.MINIMIZE);
            s.optimize(t -> {
                double x = t.suggestFloat("x", 0, 10);
                if (constrained) {
                    t.setConstraint(3 - x);
                }
                return x;
            }, 80);
            long feasibleLate = s.trials().stream().filter(t -> t.number() >= 40)
                    .filter(t -> (Double) t.param("x") >= 3).count();
            if (constrained) {
                // the model learns the feasible side (seed 8: 23 of the last 40 are feasible), the best is near 3
                assertThat(feasibleLate).isGreaterThan(15);
                assertThat(s.bestTrial().isFeasible()).isTrue();
                assertThat(s.bestValue()).isBetween(3.0, 3.5);
            } else {
                // unconstrained, TPE chases x -> 0 and rarely proposes x >= 3 (seed 8: 4 of 40)
                assertThat(feasibleLate).isLessThan(10);
            }
        }
    }

    @Test
    void maximizesWhenAskedTo() {
        Objective negSphere = t -> -SPHERE3.evaluate(t);
        Study s = study(new TpeSampler(TpeOptions.defaults().withSeed(4L)), StudyDirection.MAXIMIZE);
        s.optimize(negSphere, 80);
        Study r = study(new RandomSampler(4), StudyDirection.MAXIMIZE);
        r.optimize(negSphere, 80);
        assertThat(s.bestValue()).isGreaterThan(r.bestValue());
        // the second half of TPE's trials is better on average than the start-up ones
        List<FrozenTrial> ts = s.trials();
        double early = ts.subList(0, 10).stream().mapToDouble(FrozenTrial::value).average().orElseThrow();
        double late = ts.subList(40, 80).stream().mapToDouble(FrozenTrial::value).average().orElseThrow();
        assertThat(late).isGreaterThan(early);
    }

    @Test
    void failedTrialsAreIgnoredAndPrunedOnesUsed() {
        Objective f = t -> {
            double v = SPHERE3.evaluate(t);
            if (t.number() % 5 == 1) {
                throw new IllegalStateException("fails");
            }
            if (t.number() % 5 == 2) {
                t.report(v, 0);
                throw new TrialPrunedException();
            }
            return v;
        };
        Study s = study(new TpeSampler(TpeOptions.defaults().withSeed(8L)), StudyDirection.MINIMIZE);
        try (LogCapture log = LogCapture.start()) {
            s.optimize(f, 60);
            assertThat(log.messages(Level.WARNING)).hasSize(12).allMatch(m -> m.matches(
                    "trial \\d+ of study 'tpe' failed: java.lang.IllegalStateException: fails"));
        }
        assertThat(s.trials(TrialState.FAIL)).hasSize(12);
        assertThat(s.trials(TrialState.PRUNED)).hasSize(12);
        assertThat(s.bestValue()).isLessThan(best(new RandomSampler(8), SPHERE3, 36));
    }

    @Test
    void proposesWhereTheGoodHandMadeTrialsAreInEitherDirection() {
        // 20 trials x = 0, 0.05, ..., 0.95 with value x: gamma(20) = 2 good ones at the low end when
        // minimizing, at the high end when maximizing
        for (StudyDirection direction : StudyDirection.values()) {
            Study s = study(new TpeSampler(TpeOptions.defaults().withSeed(1L)), direction);
            nas.api.distribution.FloatDistribution d = nas.api.distribution.FloatDistribution.of(0, 1);
            for (int i = 0; i < 20; i++) {
                s.addTrial(FrozenTrial.of(TrialState.COMPLETE, List.of(0.05 * i), java.util.Map.of("x", 0.05 * i),
                        java.util.Map.of("x", d)));
            }
            double[] proposals = new double[10];
            try (LogCapture log = LogCapture.start()) {
                for (int k = 0; k < 10; k++) {
                    nas.api.Trial t = s.ask();
                    proposals[k] = t.suggestFloat("x", 0, 1);
                    s.tell(t, TrialState.FAIL); // failed trials leave the model unchanged
                }
                assertThat(log.messages(Level.WARNING)).hasSize(10).allMatch(m -> m.matches(
                        "trial 2\\d of study 'tpe' failed: told as failed"));
            }
            for (double x : proposals) {
                if (direction == StudyDirection.MINIMIZE) {
                    assertThat(x).isLessThan(0.3);
                } else {
                    assertThat(x).isGreaterThan(0.7);
                }
            }
            // the ten proposals differ: each trial number draws its own candidates
            assertThat(Arrays.stream(proposals).distinct().count()).isEqualTo(10);
        }
    }

    @Test
    void concurrentWorkersRunAMixedSpaceStudy() {
        Study s = study(new TpeSampler(TpeOptions.defaults().withSeed(6L).withMultivariate(true)), StudyDirection.MINIMIZE);
        s.optimize(MIXED, OptimizeOptions.trials(60).withJobs(4));
        assertThat(s.trials(TrialState.COMPLETE)).hasSize(60);
        Study r = study(new RandomSampler(6), StudyDirection.MINIMIZE);
        r.optimize(MIXED, 60);
        assertThat(s.bestValue()).isLessThan(r.bestValue());
    }

    @Test
    void multiObjectiveStudiesStartAtRandomThenMoveTowardsTheFront() {
        Study mo = Studies.builder("mo").storage(new InMemoryStorage())
                .directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE)
                .sampler(new TpeSampler(TpeOptions.defaults().withSeed(2L))).create();
        Study rnd = Studies.builder("mo").storage(new InMemoryStorage())
                .directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE).sampler(new RandomSampler(2)).create();
        for (Study s : List.of(mo, rnd)) {
            s.optimizeMulti(t -> new double[] {t.suggestFloat("x", 0, 1), t.suggestFloat("y", 0, 1)}, OptimizeOptions.trials(60));
        }
        for (int i = 0; i < 10; i++) {
            assertThat(mo.trials().get(i).params()).isEqualTo(rnd.trials().get(i).params());
        }
        // both objectives fall towards (0, 0): MOTPE's last 50 trials sit closer than random ones
        // (measured: mean x + y 0.517 against 0.896)
        assertThat(meanSum(mo.trials().subList(10, 60))).isLessThan(0.65 * meanSum(rnd.trials().subList(10, 60)));
    }

    static double meanSum(List<FrozenTrial> trials) {
        return trials.stream().mapToDouble(t -> t.values().get(0) + t.values().get(1)).average().orElseThrow();
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> TpeOptions.defaults().withNStartupTrials(-1)).hasMessageContaining("nStartupTrials must be >= 0");
        assertThatThrownBy(() -> TpeOptions.defaults().withNEiCandidates(0)).hasMessageContaining("nEiCandidates");
        assertThatThrownBy(() -> TpeOptions.defaults().withPrior(true, -1)).hasMessageContaining("priorWeight");
        assertThat(TpeOptions.defaults().nStartupTrials()).isEqualTo(10);
        assertThat(TpeOptions.defaults().nEiCandidates()).isEqualTo(24);
    }
}
