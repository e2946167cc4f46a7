package nas.ga;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneticAlgorithmTest {

    private static MemorizationTask task(MemorizationTask.Fitness fitness) {
        return new MemorizationTask(32, 16, new int[] {24}, 10, fitness, 4);
    }

    private static GaResult run(Task task, GaSettings settings, int threads, int generations) {
        return new GeneticAlgorithm(task, settings, threads, 42).run(generations, r -> { });
    }

    @Test
    void aRunIsTheSameAtAnyThreadCount() {
        for (GaSettings settings : List.of(GaSettings.of(4, 12, 0.05),
                GaSettings.of(4, 12, 0.05).withScheme(MutationScheme.SELF_ADAPTIVE).withCrossover(Crossover.UNIT),
                GaSettings.of(3, 9, 0.05).withScheme(MutationScheme.NORM_PRESERVING).withMomentum(0.5)
                        .withOneLayer(true))) {
            MemorizationTask task = task(MemorizationTask.Fitness.CROSS_ENTROPY);
            GaResult one = run(task, settings, 1, 25);
            GaResult three = run(task, settings, 3, 25);
            assertThat(three.history()).hasSize(25);
            for (int g = 0; g < 25; g++) {
                GenerationRecord a = one.history().get(g);
                GenerationRecord b = three.history().get(g);
                assertThat(Double.valueOf(b.bestFitness())).isEqualTo(Double.valueOf(a.bestFitness()));
                assertThat(Double.valueOf(b.meanFitness())).isEqualTo(Double.valueOf(a.meanFitness()));
                assertThat(b.tensorNorms()).isEqualTo(a.tensorNorms());
                assertThat(Double.valueOf(b.interference())).isEqualTo(Double.valueOf(a.interference()));
                assertThat(Double.valueOf(b.rateMean())).isEqualTo(Double.valueOf(a.rateMean()));
            }
            assertThat(three.evaluation().loss()).isEqualTo(one.evaluation().loss());
        }
    }

    @Test
    void theBestGenomeDecodedAfreshScoresWhatTheRunRecorded() {
        MemorizationTask task = task(MemorizationTask.Fitness.CROSS_ENTROPY);
        GaSettings settings = GaSettings.of(4, 12, 0.05);
        GeneticAlgorithm ga = new GeneticAlgorithm(task, settings, 2, 42);
        GaResult r = ga.run(30, x -> { });
        assertThat(r.best().seeds()).hasSize(r.best().depth() + 1);
        GenomeState s = new GenomeBuilder(ga.operators(), 0).build(r.best());
        Evaluation again = task.newEvaluator().evaluate(s.weights);
        assertThat(again.fitness()).isEqualTo(r.last().bestFitness());
        assertThat(again.correct()).isEqualTo(r.last().bestCorrect());
    }

    @Test
    void elitismNeverLosesTheBestAndTheBudgetIsCounted() {
        GaSettings settings = GaSettings.of(2, 8, 0.1);
        GaResult r = run(task(MemorizationTask.Fitness.ACCURACY), settings, 2, 40);
        for (int g = 1; g < 40; g++) {
            assertThat(r.history().get(g).bestFitness()).isGreaterThanOrEqualTo(r.history().get(g - 1).bestFitness());
            assertThat(r.history().get(g).evaluations()).isEqualTo(8 + 9L * g);
        }
        assertThat(settings.generationsFor(8 + 9 * 39)).isEqualTo(40);
        assertThat(r.history().get(0).interference()).isNaN();
        assertThat(r.history().get(5).interference()).isBetween(0.0, 1.0);
    }

    @Test
    void memorisationProgressesAndTheRegressionControlImproves() {
        GaResult mem = run(task(MemorizationTask.Fitness.CROSS_ENTROPY), GaSettings.of(4, 16, 0.05), 2, 150);
        assertThat(mem.history().get(0).bestCorrect()).isLessThan(12); // chance is 32/10
        assertThat(mem.last().bestCorrect()).isGreaterThanOrEqualTo(20);
        assertThat(mem.last().bestLoss()).isLessThan(mem.history().get(0).bestLoss() * 0.7);
        RegressionTask control = new RegressionTask(64, new int[] {16}, 3);
        GaResult reg = run(control, GaSettings.of(4, 16, 0.05), 2, 150);
        assertThat(reg.last().bestLoss()).isLessThan(reg.history().get(0).bestLoss() * 0.5);
        assertThat(reg.last().interference()).isNaN();
    }

    @Test
    void selfAdaptiveRatesShrinkWhereParametersMustStayFixed() {
        // group 0 must stay at 0 (100× its square), group 1 must travel from 0 to 3: selection lowers
        // group 0's log-rates (they start at 0) and leaves group 1's higher; averaged over 4 runs
        VectorTask task = new VectorTask(20, 20);
        GaSettings settings = GaSettings.of(4, 32, 0.02).withScheme(MutationScheme.SELF_ADAPTIVE).withTau(0.3);
        double keep = 0;
        double move = 0;
        for (long seed = 1; seed <= 4; seed++) {
            GenerationRecord last = new GeneticAlgorithm(task, settings, 2, seed).run(80, r -> { }).last();
            keep += last.tensorLogRates()[0] / 4;
            move += last.tensorLogRates()[1] / 4;
            assertThat(last.rateVariance()).isPositive();
            assertThat(last.bestLoss()).isLessThan(180); // 20 × 3², where every run starts
        }
        assertThat(keep).isLessThan(-0.7);
        assertThat(move).isGreaterThan(keep + 0.8);
        // the same run with fixed σ has no rates to record
        GenerationRecord fixed = run(task, GaSettings.of(4, 32, 0.05), 1, 3).last();
        assertThat(fixed.rateMean()).isNaN();
        assertThat(fixed.tensorLogRates()).isNull();
    }
}
