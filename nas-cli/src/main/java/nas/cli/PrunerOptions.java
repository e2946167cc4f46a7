package nas.cli;

import java.util.List;
import nas.api.pruner.NopPruner;
import nas.api.pruner.Pruner;
import picocli.CommandLine.Option;

/** {@code --pruner NAME} and the pruners' options, for {@code nas search}. */
public final class PrunerOptions {

    /** Names accepted by {@code --pruner}. */
    static final List<String> NAMES = List.of("none");

    @Option(names = "--pruner", paramLabel = "NAME", defaultValue = "none",
            description = "Pruner: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = Names.class)
    String pruner;

    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }

    /**
     * The pruner named by {@code --pruner}.
     *
     * @throws Nas.BadInputException for an unknown name
     */
    Pruner create() {
        switch (pruner) {
            case "none":
                return new NopPruner();
            default:
                throw new Nas.BadInputException("unknown pruner '" + pruner + "'; known pruners: "
                        + String.join(", ", NAMES));
        }
    }
}
