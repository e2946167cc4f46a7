package nas.samplers.tpe;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nas.api.FrozenTrial;
import nas.api.distribution.Distribution;

/**
 * The parameters of a conditional search space split into groups of those that always occur
 * together: two parameters share a group exactly when every trial has either both or neither
 * (Optuna's group decomposition). Each trial refines the groups: a group it cuts in two becomes
 * the part the trial has and the part it lacks, and its parameters no group holds yet form a new
 * group. A multivariate estimator per group then models parameters jointly inside each branch of a
 * conditional space, where the intersection of all trials holds only what every branch shares.
 *
 * <p>A parameter keeps the distribution of the first trial that has it; single-valued ones
 * (nothing to sample) are left out. Groups come in order of first appearance, each sorted by name.
 */
public final class GroupDecomposedSearchSpace {

    private GroupDecomposedSearchSpace() {
    }

    /**
     * The groups of {@code trials}' parameters, in the order of the trials.
     *
     * @param trials the trials, oldest first
     * @return the groups; empty when no trial has a parameter
     */
    public static List<Map<String, Distribution>> of(Collection<FrozenTrial> trials) {
        List<Set<String>> groups = new ArrayList<>();
        Map<String, Distribution> first = new TreeMap<>();
        for (FrozenTrial t : trials) {
            Set<String> names = t.distributions().keySet();
            Set<String> unseen = new LinkedHashSet<>(names);
            List<Set<String>> next = new ArrayList<>(groups.size() + 1);
            for (Set<String> g : groups) {
                Set<String> inside = new LinkedHashSet<>();
                Set<String> outside = new LinkedHashSet<>();
                for (String name : g) {
                    (names.contains(name) ? inside : outside).add(name);
                }
                addIfAny(next, inside);
                addIfAny(next, outside);
                unseen.removeAll(g);
            }
            addIfAny(next, unseen);
            groups = next;
            t.distributions().forEach(first::putIfAbsent);
        }
        List<Map<String, Distribution>> out = new ArrayList<>();
        for (Set<String> g : groups) {
            Map<String, Distribution> space = new TreeMap<>();
            for (String name : g) {
                Distribution d = first.get(name);
                if (!d.isSingle()) {
                    space.put(name, d);
                }
            }
            if (!space.isEmpty()) {
                out.add(Collections.unmodifiableMap(space));
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static void addIfAny(List<Set<String>> groups, Set<String> group) {
        if (!group.isEmpty()) {
            groups.add(group);
        }
    }
}
