package nas.examples;

import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.exception.TrialPrunedException;
import nas.api.sampler.RandomSampler;
import nas.storage.JdbcStorage;

/**
 * The README's Java example, runnable: a search over a learning rate, a layer count and an
 * activation of a made-up training run whose loss curve is known, stored in an H2 file.
 *
 * <pre>scripts/example.sh QuickStart [h2-path]</pre>
 */
public final class QuickStart {

    private QuickStart() {
    }

    /** A stand-in for training: the loss after {@code epoch} epochs, lowest near lr = 0.01, 2 layers, tanh. */
    static double train(double lr, int layers, String activation, int epoch) {
        double floor = Math.pow(Math.log10(lr) + 2, 2) * 0.1 + 0.05 * Math.abs(layers - 2)
                + (activation.equals("tanh") ? 0 : 0.02);
        return floor + Math.exp(-(epoch + 1) * lr * 20);
    }

    public static void main(String[] args) {
        String path = args.length > 0 ? args[0] : "./quickstart-studies";
        try (JdbcStorage storage = JdbcStorage.open(path)) {
            Study study = Studies.builder("lr-search")
                    .storage(storage)
                    .directions(StudyDirection.MINIMIZE)
                    .sampler(new RandomSampler(42))
                    .loadIfExists(true)
                    .create();

            study.optimize(trial -> {
                double lr = trial.suggestFloat("lr", 1e-5, 1e-1, true);
                int layers = trial.suggestInt("layers", 1, 4);
                String act = trial.suggestCategorical("activation", "relu", "tanh");
                double loss = 0;
                for (int epoch = 0; epoch < 20; epoch++) {
                    loss = train(lr, layers, act, epoch);
                    trial.report(loss, epoch);
                    if (trial.shouldPrune()) {
                        throw new TrialPrunedException();
                    }
                }
                return loss;
            }, OptimizeOptions.trials(100).withJobs(2));

            System.out.println("best loss " + study.bestValue() + " with " + study.bestParams());
        }
    }
}
