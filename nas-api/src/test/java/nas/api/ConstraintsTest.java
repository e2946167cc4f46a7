package nas.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.sampler.RandomSampler;
import nas.api.storage.InMemoryStorage;
import org.junit.jupiter.api.Test;

class ConstraintsTest {

    private static final Map<String, Distribution> X = Map.of("x", FloatDistribution.of(0, 10));

    private static FrozenTrial point(double x, double value, double... constraints) {
        FrozenTrial t = FrozenTrial.of(TrialState.COMPLETE, List.of(value), Map.of("x", x), X);
        return constraints.length == 0 ? t : t.withConstraints(constraints);
    }

    @Test
    void setConstraintIsStoredWithTheTrialAndReadBack() {
        InMemoryStorage storage = new InMemoryStorage();
        Study study = Studies.builder("c").storage(storage).sampler(new RandomSampler(1)).create();
        study.optimize(t -> {
            double x = t.suggestFloat("x", 0, 10);
            t.setConstraint(x - 4, 1 - x); // feasible on [1, 4]
            return x;
        }, 30);
        for (FrozenTrial t : Studies.builder("c").storage(storage).load().trials()) {
            double x = (Double) t.param("x");
            assertThat(t.constraints()).containsExactly(x - 4, 1 - x);
            assertThat(t.systemAttrs().get(FrozenTrial.CONSTRAINTS)).isEqualTo(List.of(x - 4, 1 - x));
            assertThat(t.isFeasible()).isEqualTo(x >= 1 && x <= 4);
            assertThat(t.constraintViolation()).isEqualTo(Math.max(0, x - 4) + Math.max(0, 1 - x));
        }
        // minimizing x: the best feasible trial has the smallest x in [1, 4], not the smallest x overall
        double bestFeasible = study.trials().stream().filter(FrozenTrial::isFeasible)
                .mapToDouble(FrozenTrial::value).min().orElseThrow();
        assertThat(study.trials()).anyMatch(t -> t.value() < 1); // an infeasible better value exists
        assertThat(study.bestValue()).isEqualTo(bestFeasible).isBetween(1.0, 4.0);
        assertThat(study.bestTrials()).extracting(FrozenTrial::value).containsExactly(bestFeasible);
    }

    @Test
    void withoutFeasibleTrialsTheLeastViolatingComeFirst() {
        Study study = Studies.builder("c").create();
        study.addTrial(point(1, 1.0, 3.0));        // violation 3
        study.addTrial(point(2, 5.0, 0.5, 0.5));   // violation 1, worse value
        study.addTrial(point(3, 4.0, 1.0, -2.0));  // violation 1, better value
        study.addTrial(point(4, 0.0, 2.0));        // violation 2, best value
        assertThat(study.bestTrial().number()).isEqualTo(2);
        assertThat(study.bestTrials()).extracting(FrozenTrial::number).containsExactly(2);
        study.addTrial(point(5, 9.0, -1.0));       // the only feasible one wins despite its value
        assertThat(study.bestTrial().number()).isEqualTo(4);
    }

    @Test
    void multiObjectiveFrontIsTakenOverFeasibleTrials() {
        Study study = Studies.builder("mo").directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE).create();
        double[][] points = {{0, 0}, {1, 3}, {3, 1}, {2, 2}, {4, 4}};
        double[] constraint = {1, -1, 0, -1, -1}; // (0,0) infeasible, (3,1) feasible on the boundary
        for (int i = 0; i < points.length; i++) {
            study.addTrial(FrozenTrial.of(TrialState.COMPLETE, List.of(points[i][0], points[i][1]), Map.of("x", 1.0), X)
                    .withConstraints(constraint[i]));
        }
        assertThat(study.bestTrials()).extracting(FrozenTrial::number).containsExactly(1, 2, 3);
    }

    @Test
    void trialsWithoutConstraintsAreFeasible() {
        FrozenTrial t = point(1, 1.0);
        assertThat(t.hasConstraints()).isFalse();
        assertThat(t.constraints()).isEmpty();
        assertThat(t.isFeasible()).isTrue();
        assertThat(t.constraintViolation()).isZero();
    }

    @Test
    void badConstraintValuesAreClearErrors() {
        Study study = Studies.builder("c").create();
        Trial t = study.ask();
        assertThatThrownBy(() -> t.setConstraint(1.0, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(t::setConstraint).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
        t.setConstraint(2.0);
        t.setConstraint(-1.0); // a later call replaces the values
        study.tell(t, 1.0);
        assertThat(study.trials().get(0).constraints()).containsExactly(-1.0);
        assertThatThrownBy(() -> t.setConstraint(0.0)).hasMessageContaining("already finished");
    }
}
