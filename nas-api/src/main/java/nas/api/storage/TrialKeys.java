package nas.api.storage;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameter names and user-attribute keys a set of trials uses, each sorted: what a table of
 * those trials needs for its columns before it streams the rows.
 *
 * @param paramNames   parameter names, sorted
 * @param userAttrKeys user-attribute keys, sorted
 */
public record TrialKeys(Set<String> paramNames, Set<String> userAttrKeys) {

    /** Copies both sets, sorted. */
    public TrialKeys {
        paramNames = Collections.unmodifiableSortedSet(new TreeSet<>(paramNames));
        userAttrKeys = Collections.unmodifiableSortedSet(new TreeSet<>(userAttrKeys));
    }
}
