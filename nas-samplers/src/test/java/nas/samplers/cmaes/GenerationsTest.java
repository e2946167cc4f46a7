package nas.samplers.cmaes;

import static org.assertj.core.api.Assertions.assertThat;

import nas.api.objective.functions.TestFunctions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import nas.samplers.cmaes.Generations.Evaluation;
import org.junit.jupiter.api.Test;

class GenerationsTest {

    private static Cma fresh() {
        return Cma.start(new double[] {1, 1, 1}, 1, 0, false, CmaConfig.unbounded(3), 5);
    }

    private static List<Evaluation> drawAndEvaluate(Cma cma, int firstTrial, int count) {
        List<Evaluation> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double[] x = cma.ask(new SplittableRandom(firstTrial + k));
            out.add(new Evaluation(firstTrial + k, cma.restarts(), cma.generation(), x,
                    TestFunctions.sphere(x)));
        }
        return out;
    }

    @Test
    void incompleteGenerationLeavesTheRunUnchanged() {
        Cma cma = fresh();
        List<Evaluation> evals = drawAndEvaluate(cma, 0, cma.popsize() - 1);
        assertThat(Generations.advance(cma, evals, RestartStrategy.NONE, 1)).isSameAs(cma);
    }

    @Test
    void fullGenerationIsToldInTrialOrderWhateverTheListOrder() {
        Cma cma = fresh();
        int lambda = cma.popsize();
        List<Evaluation> evals = drawAndEvaluate(cma, 0, lambda + 2); // 2 surplus trials
        Cma a = Generations.advance(cma, evals, RestartStrategy.NONE, 1);
        List<Evaluation> shuffled = new ArrayList<>(evals);
        Collections.shuffle(shuffled, new java.util.Random(3));
        Cma b = Generations.advance(cma, shuffled, RestartStrategy.NONE, 1);
        assertThat(a.generation()).isEqualTo(1);
        assertThat(cma.generation()).isZero(); // input untouched
        assertThat(CmaStateCodec.toJson(a.state())).isEqualTo(CmaStateCodec.toJson(b.state()));

        // same as telling the first λ by trial number directly
        Cma direct = fresh();
        double[][] xs = new double[lambda][];
        double[] fs = new double[lambda];
        for (int k = 0; k < lambda; k++) {
            xs[k] = evals.get(k).x();
            fs[k] = evals.get(k).value();
        }
        direct.tell(xs, fs);
        assertThat(a.mean()).containsExactly(direct.mean());
    }

    @Test
    void evaluationsOfOtherGenerationsAreIgnored() {
        Cma cma = fresh();
        List<Evaluation> stale = new ArrayList<>();
        for (Evaluation e : drawAndEvaluate(cma, 0, cma.popsize())) {
            stale.add(new Evaluation(e.trialNumber(), 0, 7, e.x(), e.value()));
        }
        assertThat(Generations.advance(cma, stale, RestartStrategy.NONE, 1)).isSameAs(cma);
    }

    @Test
    void stoppedRunRestartsDeterministically() {
        Cma cma = Cma.start(new double[] {1, 1, 1}, 1, 0, false,
                CmaConfig.box(new double[] {-5, -5, -5}, new double[] {5, 5, 5}), 5);
        List<Evaluation> all = new ArrayList<>();
        int trial = 0;
        // constant values: TOL_FUN after 10 + ⌈30·3/7⌉ = 23 generations, then an IPOP restart
        while (cma.restarts() == 0) {
            for (int k = 0; k < cma.popsize(); k++) {
                double[] x = cma.ask(new SplittableRandom(trial));
                all.add(new Evaluation(trial++, cma.restarts(), cma.generation(), x, 1.0));
            }
            Cma next = Generations.advance(cma, all, RestartStrategy.IPOP, 9);
            assertThat(next).isNotSameAs(cma);
            cma = next;
        }
        assertThat(trial).isEqualTo(23 * 7);
        assertThat(cma.popsize()).isEqualTo(14);
        assertThat(cma.generation()).isZero();
        Cma again = Generations.advance(fresh3(), all, RestartStrategy.IPOP, 9);
        assertThat(again.mean()).containsExactly(cma.mean());
        assertThat(Arrays.stream(cma.mean()).allMatch(v -> v >= -5 && v <= 5)).isTrue();
    }

    private static Cma fresh3() {
        return Cma.start(new double[] {1, 1, 1}, 1, 0, false,
                CmaConfig.box(new double[] {-5, -5, -5}, new double[] {5, 5, 5}), 5);
    }
}
