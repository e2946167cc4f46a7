package nas.ga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TasksTest {

    @Test
    void forwardPassMatchesAHandComputedNetwork() {
        Mlp mlp = new Mlp(2, 2, 1);
        // w0 = [[1, 2], [-1, 0.5]], b0 = [0.1, -0.2], w1 = [[3, -1]], b1 = [0.5]
        double[] p = {1, 2, -1, 0.5, 0.1, -0.2, 3, -1, 0.5};
        Mlp.Workspace ws = mlp.workspace(2);
        mlp.forward(p, new double[] {0.5, -1, 0, 2}, 2, ws);
        double h0 = Math.tanh(0.5 - 2 + 0.1);
        double h1 = Math.tanh(-0.5 - 0.5 - 0.2);
        double g0 = Math.tanh(4 + 0.1);
        double g1 = Math.tanh(1 - 0.2);
        assertThat(ws.output()[0]).isCloseTo(3 * h0 - h1 + 0.5, within(1e-15));
        assertThat(ws.output()[1]).isCloseTo(3 * g0 - g1 + 0.5, within(1e-15));
        assertThat(mlp.layout().size()).isEqualTo(9);
    }

    @Test
    void aBatchGivesBitForBitWhatEachPointGivesAlone() {
        Mlp mlp = new Mlp(9, 7, 5, 3);
        double[] p = Operators.initialWeights(mlp.layout(), new NoiseTable(1 << 10, 2), 4);
        double[] x = new double[7 * 9];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i * 0.7);
        }
        Mlp.Workspace batch = mlp.workspace(7);
        mlp.forward(p, x, 7, batch);
        Mlp.Workspace one = mlp.workspace(1);
        for (int n = 0; n < 7; n++) {
            mlp.forward(p, java.util.Arrays.copyOfRange(x, n * 9, n * 9 + 9), 1, one);
            for (int c = 0; c < 3; c++) {
                assertThat(batch.output()[n * 3 + c]).isEqualTo(one.output()[c]);
            }
        }
    }

    @Test
    void memorisationScoresCrossEntropyAndTheCorrectPoints() {
        MemorizationTask task = new MemorizationTask(3, 4, new int[0], 3, MemorizationTask.Fitness.CROSS_ENTROPY, 1);
        // logits for 3 points: the first is classified as class 0, the second as 2, the third as 1
        double[] logits = {2, 0, 0, 0, 1, 3, 0, 5, 0};
        Evaluation e = task.score(logits);
        double loss = 0;
        int correct = 0;
        long mask = 0;
        int[] predicted = {0, 2, 1};
        for (int n = 0; n < 3; n++) {
            double z = 0;
            for (int c = 0; c < 3; c++) {
                z += Math.exp(logits[3 * n + c]);
            }
            loss += Math.log(z) - logits[3 * n + task.label(n)];
            if (predicted[n] == task.label(n)) {
                correct++;
                mask |= 1L << n;
            }
        }
        assertThat(e.loss()).isCloseTo(loss / 3, within(1e-12));
        assertThat(e.fitness()).isEqualTo(-e.loss());
        assertThat(e.correct()).isEqualTo(correct);
        assertThat(e.mask()).containsExactly(mask);
        MemorizationTask noGrad = new MemorizationTask(3, 4, new int[0], 3, MemorizationTask.Fitness.ACCURACY, 1);
        assertThat(noGrad.score(logits).fitness()).isEqualTo(correct);
    }

    @Test
    void interferenceIsTheFractionOfTheParentsCorrectPointsLost() {
        long[] parent = {0b1111L, 1L};
        long[] child = {0b0101L, 1L | 2L};
        assertThat(Evaluation.lost(parent, child)).isEqualTo(2.0 / 5);
        assertThat(Evaluation.lost(new long[] {0}, child)).isNaN();
    }

    @Test
    void backpropagationMatchesFiniteDifferences() {
        for (Supervised task : List.<Supervised>of(
                new MemorizationTask(5, 3, new int[] {4, 3}, 4, MemorizationTask.Fitness.CROSS_ENTROPY, 2),
                new RegressionTask(5, new int[] {4}, 2))) {
            Mlp mlp = task.mlp();
            double[] p = Operators.initialWeights(mlp.layout(), new NoiseTable(1 << 12, 1), 5);
            for (int i = 0; i < p.length; i++) {
                p[i] += 0.01 * i % 0.07; // nonzero biases
            }
            AdamBaseline adam = new AdamBaseline(task, 5, 1e-3);
            int[] all = {0, 1, 2, 3, 4};
            double[] grad = new double[p.length];
            adam.new Backprop(5).gradient(p, task.inputs(), all, 5, mlp.workspace(5), grad);
            for (int i = 0; i < p.length; i++) {
                double keep = p[i];
                p[i] = keep + 1e-6;
                double up = adam.evaluate(p, 0).loss();
                p[i] = keep - 1e-6;
                double down = adam.evaluate(p, 0).loss();
                p[i] = keep;
                assertThat(grad[i]).as("parameter %d", i).isCloseTo((up - down) / 2e-6, within(1e-7));
            }
        }
    }

    @Test
    void adamMemorisesSixtyFourPoints() {
        MemorizationTask task = new MemorizationTask(64, 32, new int[] {64}, 10,
                MemorizationTask.Fitness.CROSS_ENTROPY, 3);
        double[] p = Operators.initialWeights(task.layout(), new NoiseTable(1 << 16, 1), 1);
        List<AdamBaseline.Epoch> epochs = new ArrayList<>();
        new AdamBaseline(task, 32, 1e-2).train(p, 150, 9, epochs::add);
        assertThat(epochs.get(0).correct()).isLessThan(40);
        assertThat(epochs.get(149).correct()).isEqualTo(64);
        assertThat(epochs.get(149).loss()).isLessThan(0.01);
        // the same seed gives the same run
        double[] q = Operators.initialWeights(task.layout(), new NoiseTable(1 << 16, 1), 1);
        assertThat(new AdamBaseline(task, 32, 1e-2).train(q, 150, 9, e -> { }).get(149)).isEqualTo(epochs.get(149));
    }
}
