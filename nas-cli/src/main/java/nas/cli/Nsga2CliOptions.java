package nas.cli;

import nas.samplers.nsga2.Nsga2Options;
import nas.samplers.nsga2.Nsga2Sampler;
import picocli.CommandLine.Option;

/** The {@code nsga2} sampler's options on {@code nas search}; unset ones keep {@link Nsga2Options#defaults()}. */
public final class Nsga2CliOptions {

    @Option(names = "--population-size", paramLabel = "N",
            description = "nsga2: parents and children per generation (default 50).")
    Integer populationSize;

    @Option(names = "--crossover", paramLabel = "OP",
            description = "nsga2: uniform, sbx, blx-alpha or spx (default uniform).")
    String crossover;

    @Option(names = "--crossover-prob", paramLabel = "P",
            description = "nsga2: probability that a child is recombined (default 0.9).")
    Double crossoverProb;

    @Option(names = "--swapping-prob", paramLabel = "P",
            description = "nsga2: probability of taking a value from the second parent in uniform crossover "
                    + "and for categorical parameters (default 0.5).")
    Double swappingProb;

    @Option(names = "--mutation-prob", paramLabel = "P",
            description = "nsga2: per-parameter mutation probability (default 1 / number of parameters).")
    Double mutationProb;

    @Option(names = "--mutation-eta", paramLabel = "ETA",
            description = "nsga2: distribution index of polynomial mutation (default 5).")
    Double mutationEta;

    @Option(names = "--sbx-eta", paramLabel = "ETA", description = "nsga2: distribution index of SBX (default 20).")
    Double sbxEta;

    /** The sampler with these options over the defaults; bad values are bad input. */
    Nsga2Sampler create(long seed) {
        try {
            Nsga2Options o = Nsga2Options.defaults().withSeed(seed);
            if (populationSize != null) {
                o = o.withPopulationSize(populationSize);
            }
            if (crossover != null) {
                o = o.withCrossover(Nsga2Options.CrossoverKind.parse(crossover));
            }
            if (crossoverProb != null) {
                o = o.withCrossoverProb(crossoverProb);
            }
            if (swappingProb != null) {
                o = o.withSwappingProb(swappingProb);
            }
            if (mutationProb != null) {
                o = o.withMutationProb(mutationProb);
            }
            if (mutationEta != null) {
                o = o.withMutationEta(mutationEta);
            }
            if (sbxEta != null) {
                o = o.withSbxEta(sbxEta);
            }
            return new Nsga2Sampler(o);
        } catch (IllegalArgumentException e) {
            throw new Nas.BadInputException(e.getMessage(), e);
        }
    }

    /** Whether any nsga2 option was given (an error with another sampler). */
    boolean anyGiven() {
        return populationSize != null || crossover != null || crossoverProb != null || swappingProb != null
                || mutationProb != null || mutationEta != null || sbxEta != null;
    }
}
