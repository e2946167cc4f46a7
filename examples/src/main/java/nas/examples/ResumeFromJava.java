package nas.examples;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import nas.api.Studies;
import nas.api.Study;
import nas.api.export.TrialTable;
import nas.api.storage.Storage;
import nas.samplers.ResumedStudy;
import nas.samplers.Samplers;
import nas.server.SharedStorage;

/**
 * A study {@code nas search} created, continued from Java with the objective, options, sampler and seed it
 * remembers; then a sampler chosen by name as {@code --sampler} does, and a study's trials as the CSV of
 * {@code nas trials --format csv}. Run from the repository root after a search:
 *
 * <pre>
 * ./nas search --study demo --objective sphere --dim 2 --sampler tpe --n-trials 20 --seed 1
 * scripts/example.sh ResumeFromJava demo 20 [storage-url]
 * </pre>
 */
public final class ResumeFromJava {

    private ResumeFromJava() {
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "demo";
        int more = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String url = args.length > 2 ? args[2] : "jdbc:h2:./nas-studies";   // the CLI's default storage

        try (Storage storage = SharedStorage.open(url)) {
            ResumedStudy resumed = ResumedStudy.resume(storage, name);
            resumed.optimize(more);
            System.out.println(name + ": " + resumed.study().trials().size() + " trials, best "
                    + resumed.study().bestValue() + " " + resumed.study().bestParams() + " ("
                    + resumed.settings().sampler() + ", seed " + resumed.settings().seed() + ")");
        }

        // a sampler by name, with the options of `nas search --sampler tpe --tpe-startup-trials 5`
        Study study = Studies.builder().sampler(Samplers.create("tpe", Map.of("startup-trials", "5"), 42)).create();
        study.optimize(trial -> {
            double x = trial.suggestFloat("x", -3, 3);
            return (x - 1) * (x - 1);
        }, 10);
        PrintWriter out = new PrintWriter(System.out);
        TrialTable.writeCsv(study, Set.of(), out);   // the columns of `nas trials --format csv`
    }
}
