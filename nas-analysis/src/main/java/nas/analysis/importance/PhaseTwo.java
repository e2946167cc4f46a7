package nas.analysis.importance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Phase 2 of screening: which parameters to search and at which values to hold the others.
 *
 * <p>The {@code top} parameters of the screening ranking are searched. Every other parameter, screened or
 * only known from the objective's defaults, is held fixed: at the value given by the user when there is
 * one, else at the objective's default. A value given by the user fixes a parameter even when it ranks in
 * the top (the user's word wins).
 *
 * @param searched parameters left to the sampler, in ranking order
 * @param fixed    parameter → external value (or its text, parsed later by the parameter's distribution)
 */
public record PhaseTwo(List<String> searched, Map<String, Object> fixed) {

    /** Copies the list and the map (keeping the map's order), so a plan never changes after it is made. */
    public PhaseTwo {
        searched = List.copyOf(searched);
        fixed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
    }

    /**
     * @param ranking   parameter names, most important first
     * @param top       how many to search, at least 1
     * @param defaults  the objective's parameter defaults
     * @param overrides values given by the user
     * @throws IllegalArgumentException if a parameter to hold fixed has neither a default nor a given value
     */
    public static PhaseTwo select(List<String> ranking, int top, Map<String, ?> defaults, Map<String, ?> overrides) {
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1, got " + top);
        }
        List<String> searched = new ArrayList<>();
        Map<String, Object> fixed = new LinkedHashMap<>();
        TreeSet<String> missing = new TreeSet<>();
        for (String name : ranking) {
            if (overrides.containsKey(name)) {
                fixed.put(name, overrides.get(name));
            } else if (searched.size() < top) {
                searched.add(name);
            } else if (defaults.containsKey(name)) {
                fixed.put(name, defaults.get(name));
            } else {
                missing.add(name);
            }
        }
        for (Map.Entry<String, ?> e : defaults.entrySet()) {
            if (!ranking.contains(e.getKey()) && !overrides.containsKey(e.getKey())) {
                fixed.put(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, ?> e : overrides.entrySet()) {
            fixed.putIfAbsent(e.getKey(), e.getValue());
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("parameter(s) " + missing + " fall outside the top " + top
                    + " but the objective gives no default for them; give a value with --param NAME=VALUE");
        }
        return new PhaseTwo(searched, fixed);
    }
}
