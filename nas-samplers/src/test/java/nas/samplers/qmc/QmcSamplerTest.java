package nas.samplers.qmc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nas.api.FrozenTrial;
import nas.api.Objective;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.sampler.RandomSampler;
import nas.api.sampler.Sampler;
import nas.api.storage.InMemoryStorage;
import org.junit.jupiter.api.Test;

class QmcSamplerTest {

    static final Objective G = t -> {
        double[] u = new double[4];
        for (int i = 0; i < 4; i++) {
            u[i] = t.suggestFloat("u" + i, 0, 1);
        }
        return QmcSequenceTest.g(u);
    };

    static Study run(Sampler sampler, int n, int jobs) {
        Study s = Studies.builder("qmc").storage(new InMemoryStorage()).directions(StudyDirection.MINIMIZE)
                .sampler(sampler).seed(3).create();
        s.optimize(G, OptimizeOptions.trials(n).withJobs(jobs));
        return s;
    }

    @Test
    void trialNTakesPointNOfTheSequenceAfterAnIndependentFirstTrial() {
        Study s = run(new QmcSampler(QmcOptions.defaults().withSeed(11L)), 20, 1);
        QmcSequence seq = QmcSequence.of(QmcSequence.Kind.SOBOL, 4, true, 11);
        double[] u = new double[4];
        Study r = run(new RandomSampler(11), 1, 1);
        assertThat(s.trials().get(0).params()).isEqualTo(r.trials().get(0).params());
        for (FrozenTrial t : s.trials().subList(1, 20)) {
            seq.point(t.number(), u);
            for (int i = 0; i < 4; i++) {
                assertThat((double) t.param("u" + i)).isEqualTo(u[i]);
            }
        }
    }

    @Test
    void workersShareOneSequence() {
        Study one = run(new QmcSampler(QmcOptions.defaults().withKind(QmcSequence.Kind.HALTON).withSeed(5L)), 40, 1);
        Study four = run(new QmcSampler(QmcOptions.defaults().withKind(QmcSequence.Kind.HALTON).withSeed(5L)), 40, 4);
        // every trial that came after the first complete one holds its own sequence point, whatever the worker
        QmcSequence seq = QmcSequence.of(QmcSequence.Kind.HALTON, 4, true, 5);
        double[] u = new double[4];
        int matched = 0;
        for (FrozenTrial t : four.trials()) {
            seq.point(t.number(), u);
            if (t.param("u0").equals(u[0])) {
                matched++;
                assertThat(t.params()).isEqualTo(one.trials().get(t.number()).params());
            }
        }
        assertThat(matched).isGreaterThanOrEqualTo(35);
    }

    @Test
    void studyMeanOfTheObjectiveIsCloserToTheIntegralThanRandomSearch() {
        double qmcErr = 0;
        double rndErr = 0;
        for (int seed = 0; seed < 4; seed++) {
            Study q = run(new QmcSampler(QmcOptions.defaults().withSeed((long) seed)), 257, 1);
            Study r = run(new RandomSampler(seed), 257, 1);
            // trials 1..256 are the first 256 Sobol points after point 0; g over [0,1]^4 integrates to 1
            qmcErr += Math.abs(mean(q.trials().subList(1, 257)) - 1);
            rndErr += Math.abs(mean(r.trials().subList(1, 257)) - 1);
        }
        assertThat(qmcErr).isLessThan(0.3 * rndErr);
    }

    private static double mean(List<FrozenTrial> ts) {
        return ts.stream().mapToDouble(FrozenTrial::value).average().orElseThrow();
    }
}
