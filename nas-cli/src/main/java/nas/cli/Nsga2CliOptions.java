package nas.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import nas.samplers.nsga2.Nsga2Options;
import picocli.CommandLine.Option;

/** The {@code nsga2} sampler's options on {@code nas search}; unset ones keep {@link Nsga2Options#defaults()}. */
public final class Nsga2CliOptions {

    @Option(names = "--population-size", paramLabel = "N",
            description = "nsga2: parents and children per generation (default 25, at most 100000).")
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
            description = "nsga2: distribution index of polynomial mutation (default 10).")
    Double mutationEta;

    @Option(names = "--sbx-eta", paramLabel = "ETA", description = "nsga2: distribution index of SBX (default 20).")
    Double sbxEta;

    /** The options given, named as {@code nas.samplers.Samplers} takes them. */
    Map<String, String> given() {
        Map<String, String> o = new LinkedHashMap<>();
        SamplerOptions.put(o, "population-size", populationSize);
        SamplerOptions.put(o, "crossover", crossover);
        SamplerOptions.put(o, "crossover-prob", crossoverProb);
        SamplerOptions.put(o, "swapping-prob", swappingProb);
        SamplerOptions.put(o, "mutation-prob", mutationProb);
        SamplerOptions.put(o, "mutation-eta", mutationEta);
        SamplerOptions.put(o, "sbx-eta", sbxEta);
        return o;
    }

    /** Whether any of these options was given (an error with another sampler). */
    boolean anyGiven() {
        return !given().isEmpty();
    }
}
