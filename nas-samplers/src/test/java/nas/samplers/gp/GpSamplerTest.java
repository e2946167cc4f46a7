package nas.samplers.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import nas.api.FrozenTrial;
import nas.api.Objective;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.Trial;
import nas.api.TrialState;
import nas.api.sampler.RandomSampler;
import nas.api.sampler.Sampler;
import nas.api.storage.InMemoryStorage;
import nas.samplers.qmc.QmcOptions;
import nas.samplers.qmc.QmcSampler;
import org.junit.jupiter.api.Test;
import nas.api.testing.LogCapture;
import java.util.logging.Level;

class GpSamplerTest {

    /** Float, log float, int, stepped int and categorical; minimum 0 at x=1, lr=1e-3, n=5, m=12, c="b". */
    static final Objective MIXED = t -> {
        double x = t.suggestFloat("x", -3, 3);
        double lr = t.suggestFloat("lr", 1e-5, 1e-1, true);
        int n = t.suggestInt("n", 0, 10);
        int m = t.suggestInt("m", 2, 20, 2);
        String c = t.suggestCategorical("c", "a", "b", "c");
        return (x - 1) * (x - 1) + Math.pow(Math.log10(lr) + 3, 2) + Math.abs(n - 5) / 2.0 + Math.abs(m - 12) / 4.0
                + (c.equals("b") ? 0 : 1);
    };

    static final Objective BOWL = t -> {
        double x = t.suggestFloat("x", -5, 5);
        double y = t.suggestFloat("y", -5, 5);
        return (x - 1.2) * (x - 1.2) + 3 * (y + 0.7) * (y + 0.7);
    };

    static Study study(Sampler sampler, StudyDirection direction) {
        return Studies.builder("gp").storage(new InMemoryStorage()).directions(direction).sampler(sampler).seed(3).create();
    }

    static GpSampler gp(long seed) {
        return new GpSampler(GpOptions.defaults().withSeed(seed).withNCandidates(512));
    }

    @Test
    void sameSeedSameStudyAnotherSeedAnotherStudy() {
        Study a = study(gp(1), StudyDirection.MINIMIZE);
        Study b = study(gp(1), StudyDirection.MINIMIZE);
        Study c = study(gp(2), StudyDirection.MINIMIZE);
        for (Study s : List.of(a, b, c)) {
            s.optimize(MIXED, 25);
        }
        List<Object> pa = a.trials().stream().map(t -> (Object) t.params()).toList();
        assertThat(b.trials().stream().map(t -> (Object) t.params()).toList()).isEqualTo(pa);
        assertThat(c.trials().stream().map(t -> (Object) t.params()).toList()).isNotEqualTo(pa);
        assertThat(a.trials()).allMatch(t -> t.state() == TrialState.COMPLETE);
    }

    @Test
    void targetsAreCentredOnTheStartUpTrialsMeanAndScaledByTheStandardDeviationOfAll() {
        // start-up values 1 and 3 (indices 1 and 3): mean 2; all values: mean 4, variance (1 + 9 + 9 + 1)/4 = 5
        double s = Math.sqrt(5);
        assertThat(GpSampler.targets(new double[] {5, 1, 7, 3}, new int[] {1, 3}))
                .containsExactly(new double[] {3 / s, -1 / s, 5 / s, 1 / s}, within(1e-12));
    }

    @Test
    void startUpTrialsAfterTheFirstAreTheQmcSamplersSobolPointsAndStratifyEachParameter() {
        Objective flat = t -> t.suggestFloat("x", -5, 5) + t.suggestFloat("y", 0, 1);
        Study g = study(new GpSampler(GpOptions.defaults().withSeed(7L).withNStartupTrials(8)), StudyDirection.MINIMIZE);
        g.optimize(flat, 8);
        Study q = study(new QmcSampler(QmcOptions.defaults().withSeed(7L)), StudyDirection.MINIMIZE);
        q.optimize(flat, 8);
        List<FrozenTrial> gt = g.trials();
        List<FrozenTrial> qt = q.trials();
        for (int n = 1; n < 8; n++) { // trial 0 is random: no trial has shown the space yet
            assertThat(gt.get(n).params()).isEqualTo(qt.get(n).params());
        }
        // points 1..7 of a shifted Sobol sequence fall in 7 different eighths of each range (0..7 form a net)
        assertThat(gt.subList(1, 8).stream().mapToInt(t -> (int) Math.floor(((Double) t.params().get("x") + 5) / 10 * 8))
                .distinct().count()).isEqualTo(7);
        assertThat(gt.subList(1, 8).stream().mapToInt(t -> (int) Math.floor((Double) t.params().get("y") * 8))
                .distinct().count()).isEqualTo(7);
    }

    @Test
    void findsTheMinimumOfASmoothFunctionFarFasterThanRandomSearch() {
        for (long seed = 1; seed <= 3; seed++) {
            Study g = study(gp(seed), StudyDirection.MINIMIZE);
            g.optimize(BOWL, 25);
            Study r = study(new RandomSampler(seed), StudyDirection.MINIMIZE);
            r.optimize(BOWL, 25);
            assertThat(g.bestValue()).isLessThan(1e-3).isLessThan(r.bestValue());
        }
    }

    @Test
    void maximisesWhenTheStudyMaximises() {
        Study s = study(gp(4), StudyDirection.MAXIMIZE);
        s.optimize(t -> -BOWL.evaluate(t), 25);
        assertThat(s.bestValue()).isGreaterThan(-1e-3);
    }

    @Test
    void handlesIntsStepsLogScalesAndCategoricals() {
        Study g = study(gp(5), StudyDirection.MINIMIZE);
        g.optimize(MIXED, 40);
        Study r = study(new RandomSampler(5), StudyDirection.MINIMIZE);
        r.optimize(MIXED, 40);
        assertThat(g.bestValue()).isLessThan(r.bestValue()).isLessThan(0.5);
        FrozenTrial best = g.bestTrial();
        assertThat(best.param("c")).isEqualTo("b");
        assertThat(((Number) best.param("m")).longValue() % 2).isZero();
    }

    @Test
    void constraintsSteerTheSearchIntoTheFeasibleRegion() {
        // minimise x² + y² subject to x + y ≥ 1: optimum 0.5 at (0.5, 0.5)
        Objective f = t -> {
            double x = t.suggestFloat("x", -2, 2);
            double y = t.suggestFloat("y", -2, 2);
            return x * x + y * y;
        };
        GpSampler sampler = new GpSampler(GpOptions.defaults().withSeed(6L).withNCandidates(512)
                .withConstraints(t -> new double[] {1 - (double) t.params().get("x") - (double) t.params().get("y")}));
        Study s = study(sampler, StudyDirection.MINIMIZE);
        s.optimize(f, 35);
        double bestFeasible = Double.POSITIVE_INFINITY;
        int feasibleAfterStartup = 0;
        for (FrozenTrial t : s.trials()) {
            double x = (double) t.params().get("x");
            double y = (double) t.params().get("y");
            boolean feasible = x + y >= 1;
            if (feasible) {
                bestFeasible = Math.min(bestFeasible, t.value());
            }
            // the optimum lies on the boundary: trials that close in on it fall on either side by ~1e-4
            if (t.number() >= 10 && x + y >= 1 - 1e-3) {
                feasibleAfterStartup++;
            }
        }
        assertThat(bestFeasible).isBetween(0.5, 0.52);
        assertThat(feasibleAfterStartup).isGreaterThanOrEqualTo(18); // of 25 model-based trials (seeds 1-10: 21-25)
    }

    @Test
    void constraintsRecordedByTheTrialAreRead() {
        // the same problem, the constraint recorded by the trial itself
        Objective f = t -> {
            double x = t.suggestFloat("x", -2, 2);
            double y = t.suggestFloat("y", -2, 2);
            t.setConstraint(1 - x - y);
            return x * x + y * y;
        };
        Study s = study(gp(7), StudyDirection.MINIMIZE);
        s.optimize(f, 30);
        double best = s.trials().stream().filter(FrozenTrial::isFeasible).mapToDouble(FrozenTrial::value).min().orElseThrow();
        assertThat(best).isBetween(0.5, 0.55);
    }

    @Test
    void runningTrialsPushTheNextProposalAway() {
        Study s = study(gp(8), StudyDirection.MINIMIZE);
        s.optimize(BOWL, 15);
        Trial first = s.ask();
        double x1 = first.suggestFloat("x", -5, 5);
        double y1 = first.suggestFloat("y", -5, 5);
        first.setUserAttr("started", true); // stores its parameters, so other workers see them
        Trial second = s.ask(); // `first` is still running: the believer treats it as observed
        double x2 = second.suggestFloat("x", -5, 5);
        double y2 = second.suggestFloat("y", -5, 5);
        assertThat(Math.hypot(x1 - x2, y1 - y2)).isGreaterThan(1e-3);
        s.tell(first, (x1 - 1.2) * (x1 - 1.2) + 3 * (y1 + 0.7) * (y1 + 0.7));
        s.tell(second, 0.0);
    }

    @Test
    void multiObjectiveStudiesAreSampledAtRandom() {
        Study s = Studies.builder("mo").storage(new InMemoryStorage())
                .directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE).sampler(gp(9)).seed(1).create();
        try (LogCapture log = LogCapture.start()) {
            s.optimizeMulti(t -> {
                double x = t.suggestFloat("x", 0, 1);
                return new double[] {x, 1 - x};
            }, nas.api.OptimizeOptions.trials(15));
            assertThat(log.messages(Level.WARNING)).containsExactly("the GP sampler models one objective; study 'mo' "
                    + "has 2, so it is sampled at random (use tpe or nsga2 for several objectives)");
        }
        assertThat(s.trials()).hasSize(15).allMatch(t -> t.state() == TrialState.COMPLETE);
    }
}
