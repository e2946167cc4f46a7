package nas.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code grid} sampler's options on {@code nas search}. */
public final class GridCliOptions {

    @Option(names = "--grid", paramLabel = "NAME=V1,V2,...",
            description = "grid: the values of one parameter (repeat for each); integers, decimals, true/false or text; at most 10000000 points in all.")
    List<String> grid;

    /** Each {@code --grid NAME=V1,V2,...} as NAME → "V1,V2,...", as {@code nas.samplers.Samplers} takes them. */
    Map<String, String> given() {
        Map<String, String> values = new LinkedHashMap<>();
        if (grid == null) {
            return values;
        }
        for (String g : grid) {
            int eq = g.indexOf('=');
            if (eq <= 0 || eq == g.length() - 1) {
                throw new Nas.BadInputException("--grid must look like NAME=V1,V2,..., but got '" + g + "'");
            }
            String name = g.substring(0, eq).trim();
            if (values.containsKey(name)) {
                throw new Nas.BadInputException("--grid gives '" + name + "' twice");
            }
            values.put(name, g.substring(eq + 1));
        }
        return values;
    }

    /** Whether any {@code --grid} was given (an error with another sampler). */
    boolean anyGiven() {
        return grid != null && !grid.isEmpty();
    }
}
