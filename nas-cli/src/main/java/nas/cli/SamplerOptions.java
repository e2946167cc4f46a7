package nas.cli;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nas.api.objective.ObjectiveDefinition;
import nas.api.sampler.Sampler;
import nas.samplers.Samplers;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --sampler NAME} and the samplers' own options, for {@code nas search}. */
public final class SamplerOptions {

    /** How a library option of a sampler is named on the command line: its prefix, then the option. */
    private static final Map<String, String> FLAG_PREFIX = Map.of("nsga2", "", "tpe", "tpe-", "gp", "gp-",
            "qmc", "qmc-", "cmaes", "cma-");

    private static final Pattern LIBRARY_OPTION = Pattern.compile("option '([a-z0-9-]+)' of sampler '([a-z0-9]+)'");

    /** The sampler of a new study that names none. */
    static final String DEFAULT = Samplers.DEFAULT;

    @Option(names = "--sampler", paramLabel = "NAME",
            description = "Sampler: ${COMPLETION-CANDIDATES} (default: auto, which picks gp, tpe or nsga2 "
                    + "from the objectives, the parameters and the trials so far, and says which; a resumed study "
                    + "keeps its sampler and the sampler's options).",
            completionCandidates = Names.class)
    void sampler(String name) {
        // as the library does: --sampler TPE is --sampler tpe
        sampler = name.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private String sampler;

    /** The name given with {@code --sampler}, or null. */
    String given() {
        return sampler;
    }

    /** Uses {@code name} when {@code --sampler} was not given. */
    void defaultTo(String name) {
        if (sampler == null) {
            sampler = name;
        }
    }

    @Mixin
    Nsga2CliOptions nsga2;

    @Mixin
    TpeCliOptions tpe;

    @Mixin
    GpCliOptions gp;

    @Mixin
    QmcCliOptions qmc;

    @Mixin
    GridCliOptions grid;

    @Mixin
    CmaEsCliOptions cmaes;

    /** Completion candidates for help text. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Samplers.names().iterator();
        }
    }

    /**
     * The sampler for commands without an objective ({@code nas ask}, {@code nas tell}): any but grid,
     * which takes its grid from an objective. Auto when {@code --sampler} is not given.
     */
    Sampler createWithoutObjective(long seed, nas.api.storage.Storage storage) {
        defaultTo(DEFAULT);
        if (sampler.equals("grid")) {
            throw new Nas.BadInputException("--sampler grid needs an objective's grid; use it with 'nas search'");
        }
        return create(seed, null, storage);
    }

    /**
     * The sampler named by {@code --sampler}, seeded with {@code seed}; {@code storage} holds the
     * studies a sampler may start from ({@code --cma-warm-start}).
     *
     * @throws Nas.BadInputException for an unknown name, an option of another sampler or a bad value
     */
    Sampler create(long seed, ObjectiveDefinition objective, nas.api.storage.Storage storage) {
        Map<String, String> options = requireGrid(sampler, options());
        return inFlags(sampler, () -> Samplers.create(sampler, options, seed,
                objective == null ? Map.of() : objective.searchSpace(), storage));
    }

    /** The sampler's name: {@code --sampler}'s, or the one defaulted to. */
    String name() {
        return sampler;
    }

    /**
     * Refuses an unknown {@code --sampler} name, for commands to call before they open the storage (no server
     * started, no database created for a typo).
     */
    void requireKnown() {
        if (sampler != null && !nas.samplers.Samplers.names().contains(sampler)) {
            throw new Nas.BadInputException("unknown sampler '" + sampler + "'; known samplers: "
                    + String.join(", ", nas.samplers.Samplers.names()));
        }
    }

    /** Refuses a grid without values. */
    static Map<String, String> requireGrid(String name, Map<String, String> options) {
        if (name.equals("grid") && options.isEmpty()) {
            throw new Nas.BadInputException("--sampler grid needs at least one --grid NAME=V1,V2,...");
        }
        return options;
    }

    /** Runs {@code build}; the library's refusal of a sampler or its options is bad input in flags' words. */
    static <T> T inFlags(java.util.function.Supplier<T> build) {
        return inFlags(null, build);
    }

    /**
     * Runs {@code build} of sampler {@code name} (null: any); the library's refusal is bad input in flags' words,
     * its own checks of the sampler's parameters too ("populationSize must be >= 2" reads "--population-size
     * must be >= 2").
     */
    static <T> T inFlags(String name, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            String message = inFlags(e.getMessage());
            if (name != null && FLAG_PREFIX.containsKey(name)) {
                message = Nas.inFlagWords(message, FLAG_PREFIX.get(name), Nsga2CliOptions.class, TpeCliOptions.class,
                        GpCliOptions.class, QmcCliOptions.class, CmaEsCliOptions.class);
            }
            throw new Nas.BadInputException(message, e);
        }
    }

    /**
     * The options given for the named sampler, named as {@link Samplers} takes them.
     *
     * @throws Nas.BadInputException for an option of another sampler
     */
    Map<String, String> options() {
        if (!sampler.equals("nsga2") && nsga2.anyGiven()) {
            throw new Nas.BadInputException("--population-size, --crossover, --crossover-prob, --swapping-prob, "
                    + "--mutation-prob, --mutation-eta and --sbx-eta belong to --sampler nsga2, not '" + sampler + "'");
        }
        if (!sampler.equals("tpe") && tpe.anyGiven()) {
            throw new Nas.BadInputException("--tpe-startup-trials, --tpe-ei-candidates, --tpe-multivariate, --tpe-group and --tpe-constant-liar belong to "
                    + "--sampler tpe, not '" + sampler + "'");
        }
        if (!sampler.equals("gp") && gp.anyGiven()) {
            throw new Nas.BadInputException("--gp-startup-trials and --gp-candidates belong to --sampler gp, not '"
                    + sampler + "'");
        }
        if (!sampler.equals("qmc") && qmc.anyGiven()) {
            throw new Nas.BadInputException("--qmc-type belongs to --sampler qmc, not '" + sampler + "'");
        }
        if (!sampler.equals("grid") && grid.anyGiven()) {
            throw new Nas.BadInputException("--grid belongs to --sampler grid, not '" + sampler + "'");
        }
        if (!sampler.equals("cmaes") && cmaes.anyGiven()) {
            throw new Nas.BadInputException("--cma-sigma0, --cma-restart, --cma-popsize, --cma-separable, "
                    + "--cma-no-margin, --cma-warm-start and --cma-consider-pruned belong to --sampler cmaes, not '"
                    + sampler + "'");
        }
        switch (sampler) {
            case "nsga2":
                return nsga2.given();
            case "tpe":
                return tpe.given();
            case "gp":
                return gp.given();
            case "qmc":
                return qmc.given();
            case "grid":
                return grid.given();
            case "cmaes":
                return cmaes.given();
            default:
                return Map.of();
        }
    }

    /**
     * A message of {@link Samplers} in this command's words: "option 'restart' of sampler 'cmaes' must be ..."
     * reads "--cma-restart must be ...", and "grid value ..." reads "--grid value ...".
     */
    static String inFlags(String message) {
        Matcher m = LIBRARY_OPTION.matcher(message);
        if (m.lookingAt() && FLAG_PREFIX.containsKey(m.group(2))) {
            return "--" + FLAG_PREFIX.get(m.group(2)) + m.group(1) + message.substring(m.end());
        }
        return message.startsWith("grid ") ? "--" + message : message;
    }

    /** Puts {@code value} as text under {@code key} when it was given. */
    static void put(Map<String, String> options, String key, Object value) {
        if (value != null) {
            options.put(key, String.valueOf(value));
        }
    }
}
