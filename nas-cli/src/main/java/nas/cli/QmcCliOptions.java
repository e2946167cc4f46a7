package nas.cli;

import nas.samplers.qmc.QmcOptions;
import nas.samplers.qmc.QmcSampler;
import nas.samplers.qmc.QmcSequence;
import picocli.CommandLine.Option;

/** The {@code qmc} sampler's options on {@code nas search}. */
public final class QmcCliOptions {

    @Option(names = "--qmc-type", paramLabel = "TYPE", description = "qmc: sobol or halton (default sobol, scrambled).")
    String type;

    QmcSampler create(long seed) {
        try {
            QmcOptions o = QmcOptions.defaults().withSeed(seed);
            if (type != null) {
                o = o.withKind(QmcSequence.Kind.parse(type));
            }
            return new QmcSampler(o);
        } catch (IllegalArgumentException e) {
            throw new Nas.BadInputException(e.getMessage(), e);
        }
    }

    boolean anyGiven() {
        return type != null;
    }
}
