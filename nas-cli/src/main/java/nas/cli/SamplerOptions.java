package nas.cli;

import java.util.List;
import nas.api.objective.ObjectiveDefinition;
import nas.api.sampler.RandomSampler;
import nas.api.sampler.Sampler;
import nas.samplers.AutoSampler;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --sampler NAME} and the samplers' own options, for {@code nas search}. */
public final class SamplerOptions {

    /** Names accepted by {@code --sampler}. */
    static final List<String> NAMES = List.of("auto", "random", "tpe", "gp", "qmc", "grid", "nsga2", "cmaes");

    /** The sampler of a new study that names none. */
    static final String DEFAULT = "auto";

    @Option(names = "--sampler", paramLabel = "NAME",
            description = "Sampler: ${COMPLETION-CANDIDATES} (default: auto, which picks gp, tpe or nsga2 "
                    + "from the objectives, the parameters and the trials so far, and says which; a resumed study "
                    + "keeps its sampler).",
            completionCandidates = Names.class)
    String sampler;

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
            return NAMES.iterator();
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
     * @throws Nas.BadInputException for an unknown name
     */
    Sampler create(long seed, ObjectiveDefinition objective, nas.api.storage.Storage storage) {
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
            case "auto":
                return new AutoSampler(seed, AutoSampler.DEFAULT_BUDGET);
            case "random":
                return new RandomSampler(seed);
            case "tpe":
                return tpe.create(seed);
            case "gp":
                return gp.create(seed);
            case "qmc":
                return qmc.create(seed);
            case "grid":
                return grid.create(seed, objective.searchSpace());
            case "nsga2":
                return nsga2.create(seed);
            case "cmaes":
                return cmaes.create(seed, storage);
            default:
                throw new Nas.BadInputException("unknown sampler '" + sampler + "'; known samplers: "
                        + String.join(", ", NAMES));
        }
    }
}
