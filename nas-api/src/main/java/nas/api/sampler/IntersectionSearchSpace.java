package nas.api.sampler;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import nas.api.FrozenTrial;
import nas.api.distribution.Distribution;

/**
 * The parameters that every given trial has, with the same distribution: the space a relative
 * sampler can model jointly. Sorted by name so the encoding order is stable.
 */
public final class IntersectionSearchSpace {

    private IntersectionSearchSpace() {
    }

    /**
     * The intersection over {@code trials}; empty when there are none.
     *
     * @param trials the trials
     * @return the intersection over {@code trials}
     */
    public static Map<String, Distribution> of(Collection<FrozenTrial> trials) {
        Map<String, Distribution> space = null;
        for (FrozenTrial t : trials) {
            if (space == null) {
                space = new TreeMap<>(t.distributions());
                continue;
            }
            space.entrySet().removeIf(e -> !e.getValue().equals(t.distributions().get(e.getKey())));
            if (space.isEmpty()) {
                break;
            }
        }
        return space == null ? Map.of() : java.util.Collections.unmodifiableMap(space);
    }

    /**
     * The intersection without single-valued distributions (nothing to sample there).
     *
     * @param trials the trials
     * @return the intersection without single-valued distributions (nothing to sample there)
     */
    public static Map<String, Distribution> ofSampleable(Collection<FrozenTrial> trials) {
        Map<String, Distribution> space = new TreeMap<>(of(trials));
        space.values().removeIf(Distribution::isSingle);
        return java.util.Collections.unmodifiableMap(space);
    }
}
