package nas.api.objective;

import java.util.Map;

/**
 * An objective the CLI can run by name ({@code nas search --objective NAME}). Plugins are found
 * with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/nas.api.objective.ObjectivePlugin}.
 */
public interface ObjectivePlugin {

    /**
     * Unique name, e.g. {@code sphere} or {@code evolution-lab}.
     *
     * @return the plugin's name
     */
    String name();

    /**
     * One line for {@code nas objectives}.
     *
     * @return one line for {@code nas objectives}
     */
    String description();

    /**
     * The options it takes, name → one-line help (with the default).
     *
     * @return the options it takes, name → one-line help (with the default)
     */
    Map<String, String> options();

    /**
     * Builds the objective.
     *
     * @param options how many trials, on how many threads, with which callbacks
     * @return the objective, its directions and (when known) its search space
     * @throws IllegalArgumentException for unknown or invalid options
     */
    ObjectiveDefinition create(ObjectiveOptions options);

    /**
     * What a trial's intermediate reports count and how many there are with these options, when the objective
     * reports them as steps 0, 1, ..., n − 1 (an Evolution Lab trial: its generations): {@code nas search} then
     * shows a long trial's progress ("trial 7: generation 13/30"). Empty (the default) when it reports none or
     * their number is not known in advance.
     *
     * @param options the options {@link #create} is given
     * @return the steps a trial reports, if known
     */
    default java.util.Optional<TrialSteps> trialSteps(ObjectiveOptions options) {
        return java.util.Optional.empty();
    }
}
