package nas.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import nas.api.FrozenTrial;
import nas.api.Study;
import nas.api.TrialState;
import nas.api.storage.Storage;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nas tell}: finishes a trial started by {@code nas ask} (as {@code optuna tell}). */
@Command(name = "tell", sortOptions = false,
        customSynopsis = {"nas tell --study=NAME --trial-number=N",
            "                (--values=V... | --state=STATE) [--storage=URL] [OPTION...]"},
        description = "Finish a trial started by 'nas ask' with its values, or as failed or pruned.",
        footer = {"", "Examples:",
            "  nas tell --study sh --trial-number 0 --values 0.25",
            "  nas tell --study mo --trial-number 3 --values 1.5 20",
            "  nas tell --study sh --trial-number 1 --state fail",
            "", "Give it the --sampler (and its options) 'nas ask' had: samplers such as",
            "NSGA-II and CMA-ES record a told trial in their state."})
public final class TellCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "Study of the trial.")
    String study;

    @Option(names = "--trial-number", required = true, paramLabel = "N", description = "The number 'nas ask' printed.")
    int number;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Outcome outcome;

    static final class Outcome {
        @Option(names = "--values", arity = "1..*", paramLabel = "V", description = "One value per objective.")
        List<Double> values;

        @Option(names = "--state", paramLabel = "STATE", description = "fail or pruned.")
        String state;
    }

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Sampler seed, as given to 'nas ask'.")
    long seed;

    @Mixin
    SamplerOptions sampler;

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() {
        sampler.requireKnown();
        try (Storage store = storage.openExisting()) {
            // the sampler as 'nas ask' had it: NSGA-II and CMA-ES record a told trial in their state
            StudyLoader.load(store, study, storage.shownName());
            Study s = nas.api.Studies.builder(study).storage(store).seed(seed)
                    .sampler(sampler.createWithoutObjective(seed, store)).load();
            FrozenTrial told;
            if (outcome.values != null) {
                if (outcome.values.size() != s.directions().size()) {
                    throw new Nas.BadInputException("study '" + study + "' has " + s.directions().size()
                            + " objective(s), but --values gave " + outcome.values.size());
                }
                told = s.tell(s.trial(number), outcome.values.stream().mapToDouble(Double::doubleValue).toArray());
            } else {
                TrialState state = switch (outcome.state.toLowerCase(Locale.ROOT)) {
                    case "fail" -> TrialState.FAIL;
                    case "pruned" -> TrialState.PRUNED;
                    default -> throw new Nas.BadInputException("--state must be fail or pruned, but got '"
                            + outcome.state + "'");
                };
                told = s.tell(s.trial(number), state);
            }
            spec.commandLine().getOut().println("trial " + number + " of study '" + study + "': " + told.state()
                    + (told.values().isEmpty() ? "" : " " + told.values().stream().map(TextTable::num).toList()));
        }
        return Nas.OK;
    }
}
