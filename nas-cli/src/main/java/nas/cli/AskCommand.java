package nas.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.Trial;
import nas.api.distribution.Distribution;
import nas.api.json.Json;
import nas.api.transfer.StudyTransfer;
import nas.api.storage.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nas ask}: starts a trial over a search space given as JSON and prints its number and
 * parameters, for shell scripts and other languages (as {@code optuna ask}); {@code nas tell} finishes it.
 */
@Command(name = "ask", sortOptions = false,
        customSynopsis = {"nas ask --study=NAME --search-space=FILE|JSON [--directions=DIR...]",
            "               [--sampler=NAME] [--storage=URL] [OPTION...]"},
        description = "Start a trial and print its number and parameters as JSON (finish it with 'nas tell').",
        footer = {"", "The search space maps names to distributions in Optuna's JSON form, e.g.",
            "  {\"x\": {\"name\": \"FloatDistribution\", \"attributes\": {\"low\": -5, \"high\": 5}},",
            "   \"n\": {\"name\": \"IntDistribution\", \"attributes\": {\"low\": 1, \"high\": 8}},",
            "   \"act\": {\"name\": \"CategoricalDistribution\",",
            "           \"attributes\": {\"choices\": [\"relu\", \"tanh\"]}}}",
            "", "Examples:",
            "  nas ask --study sh --search-space space.json --sampler tpe",
            "  nas tell --study sh --trial-number 0 --values 0.25"})
public final class AskCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "Study (created when missing).")
    String study;

    @Option(names = "--search-space", required = true, paramLabel = "FILE|JSON",
            description = "The distributions to sample: a JSON file, or the JSON text itself.")
    String searchSpace;

    @Option(names = "--directions", arity = "1..*", paramLabel = "DIR",
            description = "minimize or maximize, one per objective, for a new study (default minimize).")
    List<String> directions;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Sampler seed (default 0).")
    long seed;

    @Mixin
    SamplerOptions sampler;

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() {
        Map<String, Distribution> space = space();
        sampler.requireKnown(); // before the storage: no server started, no database created for a typo
        try (Storage store = storage.open()) {
            Studies.Builder builder = Studies.builder(study).storage(store).loadIfExists(true).seed(seed)
                    .sampler(sampler.createWithoutObjective(seed, store));
            if (directions != null) {
                builder.directions(directions.stream().map(StudyDirection::parse).toList());
            }
            Study s = builder.create();
            Trial trial = s.ask(space);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("number", trial.number());
            out.put("params", trial.params());
            spec.commandLine().getOut().println(Json.write(out));
            spec.commandLine().getOut().flush();
        }
        return Nas.OK;
    }

    private Map<String, Distribution> space() {
        String text = searchSpace.trim();
        if (!text.startsWith("{") && !text.startsWith("[")) {
            try {
                text = Files.readString(Path.of(searchSpace));
            } catch (IOException e) {
                throw new Nas.BadInputException("cannot read the search space " + searchSpace + ": " + nas.api.FileErrors.reason(e));
            }
        }
        if (!(Json.readDocument(text) instanceof Map<?, ?> tree) || tree.isEmpty()) {
            throw new Nas.BadInputException("the search space must be a JSON object of name -> distribution");
        }
        Map<String, Distribution> space = new LinkedHashMap<>();
        tree.forEach((name, d) -> {
            if (!(d instanceof Map<?, ?> m)) {
                throw new Nas.BadInputException("parameter '" + name + "': a distribution must be a JSON object");
            }
            space.put((String) name, StudyTransfer.distribution(m));
        });
        return space;
    }
}
