package nas.examples;

import java.util.Arrays;
import java.util.Map;
import nas.analysis.importance.Importance;
import nas.analysis.importance.MdiImportance;
import nas.api.FrozenTrial;
import nas.api.Studies;
import nas.api.Study;
import nas.samplers.tpe.TpeOptions;
import nas.samplers.tpe.TpeSampler;

/**
 * The README's constraints and importance examples, runnable: a constrained TPE search in memory,
 * its best feasible trial, and which parameters matter.
 *
 * <pre>java -cp ... nas.examples.ConstraintsAndImportance</pre>
 */
public final class ConstraintsAndImportance {

    private ConstraintsAndImportance() {
    }

    public static void main(String[] args) {
        Study study = Studies.builder()
                .sampler(new TpeSampler(TpeOptions.defaults().withSeed(42)))
                .create();
        study.optimize(trial -> {
            double x = trial.suggestFloat("x", 0, 10);
            double y = trial.suggestFloat("y", 0, 10);
            trial.setConstraint(3 - x, x + y - 12);                  // x >= 3 and x + y <= 12
            return (x - 1) * (x - 1) + (y - 8) * (y - 8);
        }, 200);
        FrozenTrial best = study.bestTrial();                        // feasible: x >= 3, x + y <= 12
        System.out.println(best.params() + " " + Arrays.toString(best.constraints()) + " " + best.isFeasible());

        Map<String, Double> shares = Importance.of(study);           // fANOVA: name -> share, ranked
        Map<String, Double> mdi = Importance.of(study).with(MdiImportance.builder().trees(32).build());
        System.out.println("fANOVA " + shares + "\nMDI    " + mdi);
    }
}
