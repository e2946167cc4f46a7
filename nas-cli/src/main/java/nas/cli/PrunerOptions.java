package nas.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas.api.pruner.Pruner;
import nas.pruners.Pruners;
import picocli.CommandLine.Option;

/**
 * {@code --pruner NAME} and the pruners' options, for {@code nas search}. Each
 * {@code --pruner-X VALUE} is option {@code X} of {@link Pruners#create}; an option the chosen
 * pruner does not take is an input error, so a typo never goes unnoticed.
 */
public final class PrunerOptions {

    /** Names accepted by {@code --pruner}. */
    static final List<String> NAMES = Pruners.names();

    /** The pruner of a new study that names none. */
    static final String DEFAULT = "none";

    @Option(names = "--pruner", paramLabel = "NAME",
            description = "Pruner: ${COMPLETION-CANDIDATES} (default: none; a resumed study keeps its pruner and "
                    + "the pruner's options unless --pruner is given again). The objective must report "
                    + "intermediate values (e.g. objective 'curve').",
            completionCandidates = Names.class)
    String pruner;

    @Option(names = "--pruner-startup-trials", paramLabel = "N",
            description = "median, percentile: no pruning before N trials completed (default 5).")
    String startupTrials;

    @Option(names = "--pruner-warmup-steps", paramLabel = "N",
            description = "median, percentile, threshold: no pruning before step N (default 0).")
    String warmupSteps;

    @Option(names = "--pruner-interval-steps", paramLabel = "N",
            description = "median, percentile, threshold: check every N steps after the warm-up (default 1).")
    String intervalSteps;

    @Option(names = "--pruner-min-trials", paramLabel = "N",
            description = "median, percentile: completed trials that must have reported the step (default 1).")
    String minTrials;

    @Option(names = "--pruner-percentile", paramLabel = "P",
            description = "percentile: keep trials within the best P percent (required, 0..100).")
    String percentile;

    @Option(names = "--pruner-min-resource", paramLabel = "N|auto",
            description = "successive-halving (default auto), hyperband (default 1): steps before the first rung.")
    String minResource;

    @Option(names = "--pruner-max-resource", paramLabel = "N|auto",
            description = "hyperband: steps of a full trial (default auto: the first completed trial's).")
    String maxResource;

    @Option(names = "--pruner-reduction-factor", paramLabel = "ETA",
            description = "successive-halving (default 4), hyperband (default 3): 1/ETA of a rung is promoted.")
    String reductionFactor;

    @Option(names = "--pruner-min-early-stopping-rate", paramLabel = "S",
            description = "successive-halving: the first rung is at min-resource * ETA^S (default 0).")
    String minEarlyStoppingRate;

    @Option(names = "--pruner-bootstrap-count", paramLabel = "N",
            description = "successive-halving, hyperband: values a rung needs before promoting (default 0).")
    String bootstrapCount;

    @Option(names = "--pruner-lower", paramLabel = "X", description = "threshold: prune below X.")
    String lower;

    @Option(names = "--pruner-upper", paramLabel = "X", description = "threshold: prune above X.")
    String upper;

    @Option(names = "--pruner-p-threshold", paramLabel = "P",
            description = "wilcoxon: prune when the signed-rank test's p-value against the best trial is below P "
                    + "(default 0.1).")
    String pThreshold;

    @Option(names = "--pruner-startup-steps", paramLabel = "N",
            description = "wilcoxon: instances shared with the best trial before any pruning (default 0).")
    String startupSteps;

    @Option(names = "--pruner-patience", paramLabel = "N",
            description = "patient: steps without improvement tolerated (required).")
    String patience;

    @Option(names = "--pruner-min-delta", paramLabel = "X",
            description = "patient: improvement that counts (default 0).")
    String minDelta;

    @Option(names = "--pruner-wrapped", paramLabel = "NAME",
            description = "patient: the pruner that decides once a trial stagnated (default none: stagnation "
                    + "alone prunes); its options are given alongside.")
    String wrapped;

    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }

    /** The name given with {@code --pruner}, or null. */
    String name() {
        return pruner;
    }

    /** The {@code --pruner-*} options given, by the name {@link Pruners#create} knows them. */
    Map<String, String> given() {
        Map<String, String> o = new LinkedHashMap<>();
        put(o, "startup-trials", startupTrials);
        put(o, "warmup-steps", warmupSteps);
        put(o, "interval-steps", intervalSteps);
        put(o, "min-trials", minTrials);
        put(o, "percentile", percentile);
        put(o, "min-resource", minResource);
        put(o, "max-resource", maxResource);
        put(o, "reduction-factor", reductionFactor);
        put(o, "min-early-stopping-rate", minEarlyStoppingRate);
        put(o, "bootstrap-count", bootstrapCount);
        put(o, "lower", lower);
        put(o, "upper", upper);
        put(o, "p-threshold", pThreshold);
        put(o, "startup-steps", startupSteps);
        put(o, "patience", patience);
        put(o, "min-delta", minDelta);
        put(o, "wrapped", wrapped);
        return o;
    }

    private static void put(Map<String, String> o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }

    /**
     * The pruner named by {@code --pruner} (none when not given) with its options.
     *
     * @throws Nas.BadInputException for an unknown name, an option it does not take, or a bad value
     */
    Pruner create() {
        return inFlags(() -> Pruners.create(pruner != null ? pruner : DEFAULT, given()));
    }

    /** How {@link Pruners#create} names an option it refuses: "option 'warmup-steps' of pruner 'median'". */
    private static final java.util.regex.Pattern LIBRARY_OPTION =
            java.util.regex.Pattern.compile("option '([a-z0-9-]+)' of pruner '[a-z-]+'");

    /**
     * Builds a pruner, a refusal of {@link Pruners#create} becoming an input error that names the flags.
     *
     * @throws Nas.BadInputException for an unknown name, an option it does not take, or a bad value
     */
    static Pruner inFlags(java.util.function.Supplier<Pruner> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            // "option 'warmup-steps' of pruner 'median' must be >= 0" reads "--pruner-warmup-steps must be >= 0"
            java.util.regex.Matcher option = LIBRARY_OPTION.matcher(m);
            if (option.lookingAt()) {
                throw new Nas.BadInputException("--pruner-" + option.group(1) + m.substring(option.end()), e);
            }
            throw new Nas.BadInputException(m.contains("option") ? m + " (an option X is given as --pruner-X)"
                    : Nas.inFlagWords(m, "pruner-", PrunerOptions.class), e);
        }
    }
}
