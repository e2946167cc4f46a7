package nas.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas.samplers.grid.GridSampler;
import picocli.CommandLine.Option;

/** The {@code grid} sampler's options on {@code nas search}. */
public final class GridCliOptions {

    @Option(names = "--grid", paramLabel = "NAME=V1,V2,...",
            description = "grid: the values of one parameter (repeat for each); integers, decimals, true/false or text.")
    List<String> grid;

    GridSampler create(long seed) {
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
        try {
            return new GridSampler(values, seed);
        } catch (IllegalArgumentException e) {
            throw new Nas.BadInputException(e.getMessage(), e);
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
