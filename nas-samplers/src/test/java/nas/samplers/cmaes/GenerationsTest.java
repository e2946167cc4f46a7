package nas.samplers.cmaes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import nas.api.objective.functions.TestFunctions;
import nas.samplers.cmaes.Generations.Outcome;
import org.junit.jupiter.api.Test;

class GenerationsTest {

    private static Cma fresh() {
        return Cma.start(new double[] {1, 1, 1}, 1, 0, false, CmaConfig.unbounded(3), 5);
    }

    private static List<Outcome> drawAndEvaluate(Cma cma, int firstTrial) {
        List<Outcome> out = new ArrayList<>();
        for (int k = 0; k < cma.popsize(); k++) {
            double[] x = cma.ask(new SplittableRandom(firstTrial + k));
            out.add(new Outcome(x, TestFunctions.sphere(x)));
        }
        return out;
    }

    @Test
    void aGenerationIsToldAsTheCoreTellsItAndTheInputRunIsUntouched() {
        Cma cma = fresh();
        List<Outcome> outcomes = drawAndEvaluate(cma, 0);
        Cma next = Generations.tell(cma, outcomes, RestartStrategy.NONE, 1);
        assertThat(next.generation()).isEqualTo(1);
        assertThat(cma.generation()).isZero();

        Cma direct = fresh();
        double[][] xs = outcomes.stream().map(Outcome::x).toArray(double[][]::new);
        double[] fs = outcomes.stream().mapToDouble(Outcome::value).toArray();
        direct.tell(xs, fs);
        assertThat(next.mean()).containsExactly(direct.mean());
        assertThatThrownBy(() -> Generations.tell(cma, outcomes.subList(1, outcomes.size()), RestartStrategy.NONE, 1))
                .hasMessageContaining("a generation has popsize = 7 outcomes, got 6");
    }

    @Test
    void aTrialWithoutValueIsToldWithTheWorstValueRankedLast() {
        Cma cma = fresh();
        List<Outcome> outcomes = drawAndEvaluate(cma, 0);
        // trial 2 failed: it counts as the generation's worst, after the evaluated worst
        List<Outcome> withFailure = new ArrayList<>(outcomes);
        withFailure.set(2, new Outcome(outcomes.get(2).x(), Double.NaN));
        double worst = withFailure.stream().mapToDouble(Outcome::value).filter(v -> !Double.isNaN(v)).max().orElseThrow();
        int worstIndex = 0;
        for (int k = 0; k < withFailure.size(); k++) {
            if (withFailure.get(k).value() == worst) {
                worstIndex = k;
            }
        }
        List<Outcome> byHand = new ArrayList<>();
        for (int k = 0; k < withFailure.size(); k++) {
            if (k != 2) {
                byHand.add(withFailure.get(k));
            }
        }
        byHand.add(new Outcome(outcomes.get(2).x(), Math.nextUp(worst))); // strictly after the evaluated worst
        Cma told = Generations.tell(cma, withFailure, RestartStrategy.NONE, 1);
        Cma expected = Generations.tell(cma, byHand, RestartStrategy.NONE, 1);
        assertThat(told.mean()).containsExactly(expected.mean());
        assertThat(worstIndex).isNotEqualTo(2);
    }

    @Test
    void aGenerationWithoutAnyValueIsNotTold() {
        Cma cma = fresh();
        List<Outcome> failed = new ArrayList<>();
        for (Outcome o : drawAndEvaluate(cma, 0)) {
            failed.add(new Outcome(o.x(), Double.NaN));
        }
        assertThat(Generations.tell(cma, failed, RestartStrategy.IPOP, 1)).isSameAs(cma);
    }

    @Test
    void stoppedRunRestartsDeterministically() {
        Cma cma = fresh3();
        int trial = 0;
        // constant values: TOL_FUN after 10 + ⌈30·3/7⌉ = 23 generations, then an IPOP restart
        List<List<Outcome>> generations = new ArrayList<>();
        while (cma.restarts() == 0) {
            List<Outcome> g = new ArrayList<>();
            for (int k = 0; k < cma.popsize(); k++) {
                g.add(new Outcome(cma.ask(new SplittableRandom(trial++)), 1.0));
            }
            generations.add(g);
            cma = Generations.tell(cma, g, RestartStrategy.IPOP, 9);
        }
        assertThat(trial).isEqualTo(23 * 7);
        assertThat(cma.popsize()).isEqualTo(14);
        assertThat(cma.generation()).isZero();
        Cma again = fresh3();
        for (List<Outcome> g : generations) {
            again = Generations.tell(again, g, RestartStrategy.IPOP, 9);
        }
        assertThat(again.mean()).containsExactly(cma.mean());
        assertThat(Arrays.stream(cma.mean()).allMatch(v -> v >= -5 && v <= 5)).isTrue();
    }

    private static Cma fresh3() {
        return Cma.start(new double[] {1, 1, 1}, 1, 0, false,
                CmaConfig.box(new double[] {-5, -5, -5}, new double[] {5, 5, 5}), 5);
    }
}
