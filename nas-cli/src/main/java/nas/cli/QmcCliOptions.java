package nas.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code qmc} sampler's options on {@code nas search}. */
public final class QmcCliOptions {

    @Option(names = "--qmc-type", paramLabel = "TYPE", description = "qmc: sobol or halton (default sobol, scrambled).")
    String type;

    /** The options given, named as {@code nas.samplers.Samplers} takes them. */
    Map<String, String> given() {
        Map<String, String> o = new LinkedHashMap<>();
        SamplerOptions.put(o, "type", type);
        return o;
    }

    /** Whether any of these options was given (an error with another sampler). */
    boolean anyGiven() {
        return !given().isEmpty();
    }
}
