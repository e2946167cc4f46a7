package nas.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nas.api.FrozenTrial;
import nas.api.TrialState;

/**
 * One page of a study's trial table, filtered and sorted on the server.
 *
 * <p>Query parameters: {@code offset} (default 0), {@code limit} (default 50, at most 1000), {@code sort}
 * ({@code number}, {@code state}, {@code value} (objective {@code objective}), {@code duration},
 * {@code start} or {@code param:NAME}), {@code order} ({@code asc}/{@code desc}), {@code state} (comma-separated
 * states), {@code objective} (default 0), {@code value_min}/{@code value_max}, and {@code param} with
 * {@code param_min}/{@code param_max} (a parameter's external value; a categorical one by choice index).
 * Trials without the sorted quantity come last in either order.
 */
record TrialQuery(int offset, int limit, String sort, boolean descending, Set<TrialState> states, int objective,
                  Double valueMin, Double valueMax, String param, Double paramMin, Double paramMax) {

    static final int MAX_LIMIT = 1000;

    static TrialQuery parse(Map<String, String> q) {
        int offset = intParam(q, "offset", 0);
        int limit = intParam(q, "limit", 50);
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("offset must be >= 0 and limit 1.." + MAX_LIMIT);
        }
        String sort = q.getOrDefault("sort", "number");
        if (!List.of("number", "state", "value", "duration", "start").contains(sort) && !sort.startsWith("param:")) {
            throw new BadRequestException("sort must be number, state, value, duration, start or param:NAME, but got '"
                    + sort + "'");
        }
        String order = q.getOrDefault("order", "asc");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw new BadRequestException("order must be asc or desc, but got '" + order + "'");
        }
        Set<TrialState> states = EnumSet.noneOf(TrialState.class);
        String stateList = q.getOrDefault("state", "");
        for (String s : stateList.split(",")) {
            if (!s.isBlank()) {
                try {
                    states.add(TrialState.valueOf(s.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException("unknown state '" + s + "'; known: RUNNING, WAITING, COMPLETE, PRUNED, FAIL");
                }
            }
        }
        String param = q.get("param");
        return new TrialQuery(offset, limit, sort, order.equals("desc"), states, intParam(q, "objective", 0),
                doubleParam(q, "value_min"), doubleParam(q, "value_max"), param == null || param.isBlank() ? null : param,
                doubleParam(q, "param_min"), doubleParam(q, "param_max"));
    }

    /** The page: {@code total} matching trials and the {@code rows} from {@code offset}. */
    Map<String, Object> apply(StudySnapshot s) {
        return page(matching(s));
    }

    /**
     * The page of an already filtered and sorted list (see {@link #matching}; the dashboard keeps recent ones,
     * so that paging through a large study sorts it once).
     */
    Map<String, Object> page(List<FrozenTrial> matching) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = offset; i < Math.min(matching.size(), offset + limit); i++) {
            rows.add(TrialJson.row(matching.get(i)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", matching.size());
        out.put("offset", offset);
        out.put("limit", limit);
        out.put("rows", rows);
        return out;
    }

    /** What the filters and the order depend on: the query without its offset and limit. */
    String orderKey() {
        return sort + "|" + descending + "|" + states + "|" + objective + "|" + valueMin + "|" + valueMax + "|" + param
                + "|" + paramMin + "|" + paramMax;
    }

    /** The study's trials that pass the filters, in the asked order. */
    List<FrozenTrial> matching(StudySnapshot s) {
        if (objective < 0 || objective >= s.directions().size()) {
            throw new BadRequestException("objective must be 0.." + (s.directions().size() - 1));
        }
        List<FrozenTrial> matching = new ArrayList<>();
        for (FrozenTrial t : s.trials()) {
            if (matches(t)) {
                matching.add(t);
            }
        }
        if (sort.equals("number")) {
            if (descending) {
                java.util.Collections.reverse(matching);
            }
            return matching;
        }
        if (sort.equals("state")) {
            matching.sort(ordered(Comparator.comparing((FrozenTrial t) -> t.state().name())
                    .thenComparingInt(FrozenTrial::number)));
            return matching;
        }
        // numeric keys computed once per trial, then an index sort: trials without the key last in either order
        double[] keys = new double[matching.size()];
        for (int i = 0; i < keys.length; i++) {
            Double k = key(matching.get(i));
            keys[i] = k == null ? Double.NaN : k;
        }
        Integer[] order = new Integer[keys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            boolean na = Double.isNaN(keys[a]);
            boolean nb = Double.isNaN(keys[b]);
            if (na || nb) {
                return na == nb ? Integer.compare(a, b) : na ? 1 : -1;
            }
            int c = descending ? Double.compare(keys[b], keys[a]) : Double.compare(keys[a], keys[b]);
            return c != 0 ? c : Integer.compare(a, b); // ties by number (the list is in number order)
        });
        List<FrozenTrial> sorted = new ArrayList<>(order.length);
        for (Integer i : order) {
            sorted.add(matching.get(i));
        }
        return sorted;
    }

    private Double key(FrozenTrial t) {
        return switch (sort) {
            case "value" -> value(t);
            case "duration" -> t.duration() == null ? null : (double) t.duration().toNanos();
            case "start" -> t.datetimeStart() == null ? null : (double) t.datetimeStart().toEpochMilli();
            default -> paramValue(t, sort.substring("param:".length()));
        };
    }

    private boolean matches(FrozenTrial t) {
        if (!states.isEmpty() && !states.contains(t.state())) {
            return false;
        }
        if (valueMin != null || valueMax != null) {
            Double v = value(t);
            if (v == null || (valueMin != null && v < valueMin) || (valueMax != null && v > valueMax)) {
                return false;
            }
        }
        if (param != null && (paramMin != null || paramMax != null)) {
            Double p = paramValue(t, param);
            return p != null && (paramMin == null || p >= paramMin) && (paramMax == null || p <= paramMax);
        }
        return true;
    }

    private Comparator<FrozenTrial> ordered(Comparator<FrozenTrial> c) {
        return descending ? c.reversed() : c;
    }

    private Double value(FrozenTrial t) {
        return objective < t.values().size() ? t.values().get(objective) : null;
    }

    private static Double paramValue(FrozenTrial t, String name) {
        Double internal = t.internalParams().get(name);
        if (internal == null) {
            return null;
        }
        nas.api.distribution.Distribution d = t.distributions().get(name);
        if (d instanceof nas.api.distribution.CategoricalDistribution) {
            return internal; // the choice index
        }
        return ((Number) d.toExternal(internal)).doubleValue();
    }

    private static int intParam(Map<String, String> q, String name, int dflt) {
        String v = q.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be an integer, but got '" + v + "'");
        }
    }

    private static Double doubleParam(Map<String, String> q, String name) {
        String v = q.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (Double.isNaN(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a number, but got '" + v + "'");
        }
    }
}
