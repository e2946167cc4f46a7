package nas.api.storage;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nas.api.FrozenTrial;

/**
 * The parameter names, user-attribute keys and number of constraint values a set of trials uses:
 * what a table of those trials needs for its columns before it streams the rows.
 *
 * @param paramNames   parameter names, sorted
 * @param userAttrKeys user-attribute keys, sorted
 * @param constraints  the largest number of constraint values of a trial ({@link FrozenTrial#constraints()})
 */
public record TrialKeys(Set<String> paramNames, Set<String> userAttrKeys, int constraints) {

    /**
     * Copies both sets, sorted.
     *
     * @param paramNames the parameter names used
     * @param userAttrKeys the user-attribute keys used
     * @param constraints the most constraint values any trial carries
     */
    public TrialKeys {
        paramNames = Collections.unmodifiableSortedSet(new TreeSet<>(paramNames));
        userAttrKeys = Collections.unmodifiableSortedSet(new TreeSet<>(userAttrKeys));
    }

    /**
     * Keys of trials without constraints.
     *
     * @param paramNames the parameter names used
     * @param userAttrKeys the user-attribute keys used
     */
    public TrialKeys(Set<String> paramNames, Set<String> userAttrKeys) {
        this(paramNames, userAttrKeys, 0);
    }

    /**
     * The keys of these trials.
     *
     * @param trials the trials
     * @return the keys of these trials
     */
    public static TrialKeys of(List<FrozenTrial> trials) {
        Set<String> params = new TreeSet<>();
        Set<String> attrs = new TreeSet<>();
        int constraints = 0;
        for (FrozenTrial t : trials) {
            params.addAll(t.distributions().keySet());
            attrs.addAll(t.userAttrs().keySet());
            constraints = Math.max(constraints, t.constraints().length);
        }
        return new TrialKeys(params, attrs, constraints);
    }
}
