package nas.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas.analysis.importance.FanovaImportance;
import nas.analysis.importance.ImportanceFormat;
import nas.analysis.importance.ImportanceResult;
import nas.analysis.importance.MorrisImportance;
import nas.analysis.importance.PhaseTwo;
import nas.api.Studies;
import nas.api.Study;
import nas.api.Trial;
import nas.api.sampler.RandomSampler;
import nas.samplers.PartialFixedSampler;
import nas.samplers.morris.MorrisSampler;
import nas.samplers.morris.MorrisScreening;

/**
 * The two-phase workflow through the Java API, on a 20-parameter function where only four parameters
 * matter (one of them on a log scale, one categorical):
 * <ol>
 *   <li>screening: a Morris design (r = 10, p = 4) ranks the parameters by μ*;</li>
 *   <li>search: only the top 4 are searched, the other 16 held at their defaults;</li>
 *   <li>findings: fANOVA importance of the search.</li>
 * </ol>
 * {@code scripts/example.sh TwoPhaseScreening}
 */
public final class TwoPhaseScreening {

    private TwoPhaseScreening() {
    }

    static double objective(Trial t) {
        double value = 0;
        for (int i = 0; i < 17; i++) {
            value += 0.01 * t.suggestFloat("noise" + i, 0, 1); // nearly irrelevant
        }
        double lr = t.suggestFloat("lr", 1e-4, 1e-1, true);
        int width = t.suggestInt("width", 8, 64);
        String activation = t.suggestCategorical("activation", "relu", "tanh", "sigmoid");
        value += Math.pow(Math.log10(lr) + 2.5, 2);            // best near lr = 3e-3
        value += Math.abs(width - 40) / 8.0;                  // best at width 40
        value += activation.equals("tanh") ? 0 : 1.5;         // tanh is best
        return value;
    }

    public static void main(String[] args) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (int i = 0; i < 17; i++) {
            defaults.put("noise" + i, 0.5);
        }
        defaults.put("lr", 1e-2);
        defaults.put("width", 32L);
        defaults.put("activation", "relu");

        Study probe = Studies.builder("screen").sampler(new RandomSampler(1L)).create();
        var space = MorrisScreening.space(probe, t -> new double[] {objective(t)}, defaults);
        MorrisSampler morris = MorrisSampler.builder().space(space).trajectories(10).candidatePool(40).seed(1).build();
        Study screen = Studies.builder("screen").storage(probe.storage()).sampler(morris).load();
        screen.optimize(TwoPhaseScreening::objective, morris.remaining(screen));
        MorrisImportance.Report report = new MorrisImportance(0).evaluate(screen);
        System.out.println(ImportanceFormat.morrisTable(report, 8));

        List<String> ranking = report.rows().stream().map(MorrisImportance.Row::name).toList();
        PhaseTwo phase = PhaseTwo.select(ranking, 4, defaults, Map.of());
        System.out.println("phase 2 searches " + phase.searched() + "; " + phase.fixed().size() + " parameters fixed");
        Study search = Studies.builder("search")
                .sampler(new PartialFixedSampler(phase.fixed(), new RandomSampler(2L))).create();
        search.optimize(TwoPhaseScreening::objective, 200);
        System.out.printf("best %.4f at %s%n%n", search.bestValue(), search.bestParams());
        ImportanceResult fanova = FanovaImportance.builder().seed(3L).build().evaluate(search);
        System.out.println(ImportanceFormat.table(fanova, 0));
    }
}
