package nas.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.Trial;
import nas.api.TrialState;
import nas.api.exception.TrialPrunedException;
import nas.api.sampler.RandomSampler;
import nas.api.storage.Storage;
import nas.api.testing.LogCapture;
import java.util.logging.Level;

/** Studies the dashboard tests look at: every kind of parameter, every finished state, one and two objectives. */
final class TestStudies {

    static final String QUADRATIC = "quadratic";
    static final String ZDT = "zdt";
    static final String XSS = "<img src=x onerror=alert(1)>";

    private TestStudies() {
    }

    /** All three studies. */
    static void create(Storage storage) {
        quadratic(storage, QUADRATIC, 40);
        zdt(storage, ZDT, 40);
        quadratic(storage, XSS, 6);
    }

    /**
     * Minimizes (x - 1)^2 + small terms over float, log-float, int, categorical and conditional parameters;
     * reports 5 intermediate values; x > 4 is pruned at step 2 and x < -4 fails.
     */
    static Study quadratic(Storage storage, String name, int trials) {
        Study study = Studies.builder(name).storage(storage).sampler(new RandomSampler(7)).create();
        try (LogCapture log = LogCapture.start()) {
            study.optimize(TestStudies::quadraticObjective, OptimizeOptions.trials(trials));
            // trials with x < -4 fail on purpose, one WARNING each
            assertThat(log.messages(Level.WARNING)).hasSize(study.trials(TrialState.FAIL).size())
                    .allMatch(m -> m.matches("trial \\d+ of study '.*' failed: "
                            + "java.lang.IllegalStateException: diverged: x = -4\\.\\d+"));
        }
        return study;
    }

    static double quadraticObjective(Trial t) {
        double x = t.suggestFloat("x", -5, 5);
        double lr = t.suggestFloat("lr", 1e-4, 1, true);
        int layers = t.suggestInt("layers", 1, 5);
        String optimizer = t.suggestCategorical("optimizer", List.of("sgd", "adam"));
        double beta = optimizer.equals("adam") ? t.suggestFloat("beta", 0.8, 0.99) : 0;
        double value = (x - 1) * (x - 1) + 0.1 * layers + 0.01 * Math.abs(Math.log10(lr)) + beta;
        for (int step = 0; step < 5; step++) {
            t.report(value + (5 - step), step);
            if (step == 2 && x > 4) {
                throw new TrialPrunedException("pruned at step 2");
            }
        }
        if (x < -4) {
            throw new IllegalStateException("diverged: x = " + x);
        }
        return value;
    }

    /** The two objectives of ZDT1 on two variables (minimize both). */
    static Study zdt(Storage storage, String name, int trials) {
        Study study = Studies.builder(name).storage(storage).sampler(new RandomSampler(3))
                .directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE).create();
        study.optimizeMulti(t -> {
            double a = t.suggestFloat("a", 0, 1);
            double b = t.suggestFloat("b", 0, 1);
            double g = 1 + 9 * b;
            return new double[] {a, g * (1 - Math.sqrt(a / g))};
        }, OptimizeOptions.trials(trials));
        return study;
    }
}
