package nas.pruners;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import nas.api.pruner.NopPruner;
import nas.api.pruner.Pruner;

/**
 * Pruners by name with options as text, for the command line ({@code nas search --pruner NAME
 * --pruner-OPTION VALUE}). Options a pruner does not take are refused, naming the ones it takes;
 * options not given take Optuna's defaults.
 *
 * <table>
 *   <caption>Names and options</caption>
 *   <tr><td>none</td><td>—</td></tr>
 *   <tr><td>median</td><td>startup-trials (5), warmup-steps (0), interval-steps (1), min-trials (1)</td></tr>
 *   <tr><td>percentile</td><td>percentile (required), and the median's options</td></tr>
 *   <tr><td>successive-halving</td><td>min-resource (auto), reduction-factor (4),
 *       min-early-stopping-rate (0), bootstrap-count (0)</td></tr>
 *   <tr><td>hyperband</td><td>min-resource (1), max-resource (auto), reduction-factor (3),
 *       bootstrap-count (0)</td></tr>
 *   <tr><td>threshold</td><td>lower, upper (at least one), warmup-steps (0), interval-steps (1)</td></tr>
 *   <tr><td>wilcoxon</td><td>p-threshold (0.1), startup-steps (0)</td></tr>
 *   <tr><td>patient</td><td>patience (required), min-delta (0), wrapped (none; any other name, whose
 *       options are given alongside)</td></tr>
 * </table>
 */
public final class Pruners {

    private static final Map<String, Set<String>> OPTIONS = new LinkedHashMap<>();

    static {
        Set<String> percentileLike = Set.of("startup-trials", "warmup-steps", "interval-steps", "min-trials");
        OPTIONS.put("none", Set.of());
        OPTIONS.put("median", percentileLike);
        Set<String> percentile = new TreeSet<>(percentileLike);
        percentile.add("percentile");
        OPTIONS.put("percentile", Set.copyOf(percentile));
        OPTIONS.put("successive-halving",
                Set.of("min-resource", "reduction-factor", "min-early-stopping-rate", "bootstrap-count"));
        OPTIONS.put("hyperband", Set.of("min-resource", "max-resource", "reduction-factor", "bootstrap-count"));
        OPTIONS.put("threshold", Set.of("lower", "upper", "warmup-steps", "interval-steps"));
        OPTIONS.put("wilcoxon", Set.of("p-threshold", "startup-steps"));
        OPTIONS.put("patient", Set.of("patience", "min-delta", "wrapped"));
    }

    private Pruners() {
    }

    /** The pruner names, in the order of the table above. */
    public static List<String> names() {
        return List.copyOf(OPTIONS.keySet());
    }

    /** The options pruner {@code name} takes. */
    public static Set<String> options(String name) {
        Objects.requireNonNull(name, "pruner name");
        Set<String> o = OPTIONS.get(name.trim().toLowerCase(Locale.ROOT));
        if (o == null) {
            throw unknown(name);
        }
        return Collections.unmodifiableSortedSet(new TreeSet<>(o));
    }

    /**
     * Builds pruner {@code name} from text options.
     *
     * @throws IllegalArgumentException for an unknown name, an option it does not take, a value
     *                                  that is not a number, or options the pruner refuses
     */
    public static Pruner create(String name, Map<String, String> options) {
        Objects.requireNonNull(name, "pruner name");
        Objects.requireNonNull(options, "options");
        String n = name.trim().toLowerCase(Locale.ROOT);
        Map<String, String> own = new LinkedHashMap<>(options);
        if (n.equals("patient")) {
            String wrappedName = own.getOrDefault("wrapped", "none");
            Map<String, String> wrappedOptions = new LinkedHashMap<>(own);
            wrappedOptions.keySet().removeAll(OPTIONS.get("patient"));
            own.keySet().retainAll(OPTIONS.get("patient"));
            if (wrappedName.equals("patient")) {
                throw new IllegalArgumentException("the patient pruner cannot wrap another patient pruner");
            }
            Pruner wrapped = create(wrappedName, wrappedOptions);
            Text t = new Text("patient", own);
            try {
                return new PatientPruner(wrapped instanceof NopPruner ? null : wrapped, t.requiredInt("patience"),
                        t.dbl("min-delta", 0));
            } catch (IllegalArgumentException e) {
                throw nas.api.OptionWords.inOptionWords(e, "pruner", "patient", OPTIONS.get("patient"));
            }
        }
        Set<String> known = options(n);
        Set<String> unknown = new TreeSet<>(own.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("pruner '" + n + "' does not take option(s) " + unknown
                    + (known.isEmpty() ? "; it takes none" : "; it takes " + new TreeSet<>(known)));
        }
        Text t = new Text(n, own);
        try {
            return build(n, t);
        } catch (IllegalArgumentException e) {
            throw nas.api.OptionWords.inOptionWords(e, "pruner", n, known);
        }
    }

    private static Pruner build(String n, Text t) {
        switch (n) {
            case "none":
                return new NopPruner();
            case "median":
                return new MedianPruner(t.integer("startup-trials", 5), t.integer("warmup-steps", 0),
                        t.integer("interval-steps", 1), t.integer("min-trials", 1));
            case "percentile":
                return new PercentilePruner(t.requiredDbl("percentile"), t.integer("startup-trials", 5),
                        t.integer("warmup-steps", 0), t.integer("interval-steps", 1), t.integer("min-trials", 1));
            case "successive-halving":
                return new SuccessiveHalvingPruner(t.resource("min-resource", SuccessiveHalvingPruner.AUTO),
                        t.integer("reduction-factor", 4), t.integer("min-early-stopping-rate", 0),
                        t.integer("bootstrap-count", 0));
            case "hyperband":
                return new HyperbandPruner(t.integer("min-resource", 1), t.resource("max-resource", HyperbandPruner.AUTO),
                        t.integer("reduction-factor", 3), t.integer("bootstrap-count", 0));
            case "wilcoxon":
                return new WilcoxonPruner(t.dbl("p-threshold", 0.1), t.integer("startup-steps", 0));
            case "threshold":
                return new ThresholdPruner(t.dbl("lower", Double.NEGATIVE_INFINITY),
                        t.dbl("upper", Double.POSITIVE_INFINITY), t.integer("warmup-steps", 0),
                        t.integer("interval-steps", 1));
            default:
                throw unknown(n);
        }
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown pruner '" + name + "'; known pruners: "
                + String.join(", ", OPTIONS.keySet()));
    }

    /** Typed reads of text options, with messages naming the pruner and the option. */
    private record Text(String pruner, Map<String, String> values) {

        int integer(String key, int dflt) {
            String v = values.get(key);
            if (v == null) {
                return dflt;
            }
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option '" + key + "' of pruner '" + pruner
                        + "' needs an integer, but got '" + v + "'");
            }
        }

        int requiredInt(String key) {
            require(key);
            return integer(key, 0);
        }

        /** An integer or {@code auto}. */
        int resource(String key, int auto) {
            String v = values.get(key);
            return v == null || v.trim().equalsIgnoreCase("auto") ? auto : integer(key, auto);
        }

        double dbl(String key, double dflt) {
            String v = values.get(key);
            if (v == null) {
                return dflt;
            }
            try {
                return Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option '" + key + "' of pruner '" + pruner
                        + "' needs a number, but got '" + v + "'");
            }
        }

        double requiredDbl(String key) {
            require(key);
            return dbl(key, 0);
        }

        private void require(String key) {
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("pruner '" + pruner + "' needs option '" + key + "'");
            }
        }
    }
}
