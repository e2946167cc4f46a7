package nas.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas.api.distribution.Distribution;
import nas.api.distribution.Distributions;
import nas.samplers.grid.GridSampler;
import picocli.CommandLine.Option;

/** The {@code grid} sampler's options on {@code nas search}. */
public final class GridCliOptions {

    @Option(names = "--grid", paramLabel = "NAME=V1,V2,...",
            description = "grid: the values of one parameter (repeat for each); integers, decimals, true/false or text.")
    List<String> grid;

    GridSampler create(long seed, Map<String, Distribution> space) {
        if (grid == null || grid.isEmpty()) {
            throw new Nas.BadInputException("--sampler grid needs at least one --grid NAME=V1,V2,...");
        }
        Map<String, List<Object>> values = new LinkedHashMap<>();
        for (String g : grid) {
            int eq = g.indexOf('=');
            if (eq <= 0 || eq == g.length() - 1) {
                throw new Nas.BadInputException("--grid must look like NAME=V1,V2,..., but got '" + g + "'");
            }
            String name = g.substring(0, eq).trim();
            if (values.containsKey(name)) {
                throw new Nas.BadInputException("--grid gives '" + name + "' twice");
            }
            List<Object> vs = new ArrayList<>();
            for (String v : g.substring(eq + 1).split(",", -1)) {
                vs.add(parse(v.trim()));
            }
            values.put(name, vs);
        }
        check(values, space);
        try {
            return new GridSampler(values, seed);
        } catch (IllegalArgumentException e) {
            throw new Nas.BadInputException(e.getMessage(), e);
        }
    }

    /**
     * Checks the grid against the objective's search space, when the objective knows it before a trial
     * runs: every parameter of the space has a grid, the grid names no other parameter, and every value
     * lies in its parameter's range. So a wrong grid is bad input before any trial is written.
     */
    static void check(Map<String, List<Object>> values, Map<String, Distribution> space) {
        if (space.isEmpty()) {
            return;
        }
        for (Map.Entry<String, List<Object>> e : values.entrySet()) {
            Distribution d = space.get(e.getKey());
            if (d == null) {
                throw new Nas.BadInputException("--grid names '" + e.getKey() + "', which is not a parameter of the "
                        + "objective (parameters: " + space.keySet() + ")");
            }
            for (Object v : e.getValue()) {
                boolean inside;
                try {
                    inside = d.contains(d.toInternal(v));
                } catch (RuntimeException ex) {
                    inside = false;
                }
                if (!inside) {
                    throw new Nas.BadInputException("--grid value " + e.getKey() + "=" + v + " is not a value of "
                            + Distributions.describe(d));
                }
            }
        }
        List<String> missing = space.keySet().stream().filter(p -> !values.containsKey(p)).toList();
        if (!missing.isEmpty()) {
            throw new Nas.BadInputException("--grid misses parameter(s) " + missing + ": give every parameter of the "
                    + "objective its values (--grid NAME=V1,V2,...)");
        }
    }

    /** An integer as Long, a decimal as Double, true/false as Boolean, anything else as text. */
    static Object parse(String v) {
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            // not an integer
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // text
        }
        return v;
    }

    boolean anyGiven() {
        return grid != null && !grid.isEmpty();
    }
}
