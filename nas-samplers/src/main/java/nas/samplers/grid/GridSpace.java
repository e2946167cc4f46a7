package nas.samplers.grid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import nas.api.Limits;
import nas.api.Seeds;

/**
 * The Cartesian product of a few value lists, with points numbered {@code 0..size−1} in
 * mixed radix (parameters sorted by name, the last name varying fastest), and a seeded visiting
 * order (a Fisher–Yates shuffle of the ids). Immutable.
 */
public final class GridSpace {

    private final List<String> names;
    private final List<List<Object>> values;
    private final int size;

    /**
     * The grid of every combination of the given values, parameters sorted by name.
     *
     * @param grid parameter name → its values (strings, numbers or booleans), at least one parameter
     * @throws IllegalArgumentException for an empty grid, a parameter without values, a value of another type,
     *         or more points than {@link nas.api.Limits#MAX_GRID_POINTS}
     */
    public GridSpace(Map<String, List<Object>> grid) {
        if (grid == null || grid.isEmpty()) {
            throw new IllegalArgumentException("a grid needs at least one parameter, but got none");
        }
        TreeMap<String, List<Object>> sorted = new TreeMap<>();
        double size = 1;
        for (Map.Entry<String, List<Object>> e : grid.entrySet()) {
            List<Object> vs = e.getValue();
            if (vs == null || vs.isEmpty()) {
                throw new IllegalArgumentException("grid parameter '" + e.getKey() + "' needs at least one value, but got none");
            }
            for (Object v : vs) {
                if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                    throw new IllegalArgumentException("grid values must be strings, numbers or booleans, but '"
                            + e.getKey() + "' has " + (v == null ? "null" : v.getClass().getSimpleName() + " " + v));
                }
            }
            sorted.put(e.getKey(), List.copyOf(vs));
            size *= vs.size();
        }
        if (size > Limits.MAX_GRID_POINTS) {
            throw new IllegalArgumentException("a grid may hold at most " + Limits.MAX_GRID_POINTS
                    + " points, but this one has " + (size < 1e15 ? String.valueOf((long) size)
                    : String.format(java.util.Locale.ROOT, "%.3g", size)));
        }
        this.names = List.copyOf(sorted.keySet());
        this.values = List.copyOf(sorted.values());
        this.size = (int) size;
    }

    /** Number of points. */
    public int size() {
        return size;
    }

    /** Parameter names, sorted. */
    public List<String> names() {
        return names;
    }

    /**
     * Whether the grid has parameter {@code name}.
     *
     * @param name a parameter name
     * @return true if it is one of {@link #names()}
     */
    public boolean contains(String name) {
        return Collections.binarySearch(names, name) >= 0;
    }

    /** The value of parameter {@code name} at point {@code id}. */
    public Object value(int id, String name) {
        int p = Collections.binarySearch(names, name);
        if (p < 0) {
            throw new IllegalArgumentException("parameter '" + name + "' is not in the grid " + names);
        }
        checkId(id);
        int rest = id;
        for (int q = names.size() - 1; q > p; q--) {
            rest /= values.get(q).size();
        }
        return values.get(p).get(rest % values.get(p).size());
    }

    /** All values of point {@code id}, by name. */
    public Map<String, Object> point(int id) {
        checkId(id);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String n : names) {
            out.put(n, value(id, n));
        }
        return out;
    }

    private void checkId(int id) {
        if (id < 0 || id >= size) {
            throw new IllegalArgumentException("grid id must lie in [0, " + size + "), but got " + id);
        }
    }

    /** The visiting order for {@code seed}: a permutation of the ids. */
    public int[] order(long seed) {
        int[] perm = new int[size];
        for (int i = 0; i < size; i++) {
            perm[i] = i;
        }
        SplittableRandom rng = Seeds.random(seed, Seeds.hash("grid:order"));
        for (int i = size - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    /** The value lists, sorted by name (for messages). */
    public Map<String, List<Object>> asMap() {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        for (int p = 0; p < names.size(); p++) {
            out.put(names.get(p), new ArrayList<>(values.get(p)));
        }
        return out;
    }
}
