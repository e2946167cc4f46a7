package nas.samplers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import nas.api.FrozenTrial;
import nas.api.TrialState;
import nas.api.distribution.Distribution;
import nas.api.distribution.Distributions;
import nas.api.sampler.RandomSampler;
import nas.api.sampler.Sampler;
import nas.api.storage.Storage;
import nas.samplers.cmaes.CmaEsSampler;
import nas.samplers.cmaes.RestartStrategy;
import nas.samplers.gp.GpOptions;
import nas.samplers.gp.GpSampler;
import nas.samplers.grid.GridSampler;
import nas.samplers.nsga2.Nsga2Options;
import nas.samplers.nsga2.Nsga2Sampler;
import nas.samplers.qmc.QmcOptions;
import nas.samplers.qmc.QmcSampler;
import nas.samplers.qmc.QmcSequence;
import nas.samplers.tpe.TpeOptions;
import nas.samplers.tpe.TpeSampler;

/**
 * Samplers by name with options as text, as {@code nas search --sampler NAME} builds them: the same name,
 * options and seed give the same sampler from Java as from the command line. Options a sampler does not
 * take are refused, naming the ones it takes; options not given keep the sampler's defaults. The seed is
 * the study's seed ({@code Studies.builder().seed(...)}); every random choice of the sampler derives from it.
 *
 * <pre>{@code
 * Sampler tpe = Samplers.create("tpe", Map.of("startup-trials", "20", "multivariate", "true"), 42);
 * }</pre>
 *
 * <table>
 *   <caption>Names and options (the command line's {@code --tpe-startup-trials} is {@code startup-trials} of tpe)</caption>
 *   <tr><td>auto</td><td>— (gp, tpe or nsga2 chosen from the objectives, the parameters and the trials so far)</td></tr>
 *   <tr><td>random</td><td>—</td></tr>
 *   <tr><td>tpe</td><td>startup-trials (10), ei-candidates (24), multivariate (false), group (false; true implies multivariate), constant-liar (false),
 *       width-weighted (true; false scores univariate candidates by the exact densities)</td></tr>
 *   <tr><td>gp</td><td>startup-trials (10), candidates (2048)</td></tr>
 *   <tr><td>qmc</td><td>type: sobol or halton (sobol)</td></tr>
 *   <tr><td>grid</td><td>one option per parameter: its name, and its values separated by commas (integers,
 *       decimals, true/false or text); at least one</td></tr>
 *   <tr><td>nsga2</td><td>population-size (25), crossover: uniform, sbx, blx-alpha or spx (uniform),
 *       crossover-prob (0.9), swapping-prob (0.5), mutation-prob (1 / parameters), mutation-eta (10), sbx-eta (20)</td></tr>
 *   <tr><td>cmaes</td><td>sigma0 (smallest range / 6), restart: none, ipop or bipop (none), popsize (4 + 3 ln n),
 *       separable (false), no-margin (false), warm-start (a study in the same storage), consider-pruned (false)</td></tr>
 * </table>
 */
public final class Samplers {

    /** The sampler of a new study that names none. */
    public static final String DEFAULT = "auto";

    /** The name of the sampler whose options are parameter names. */
    private static final String GRID = "grid";

    private static final Map<String, Set<String>> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("auto", Set.of());
        OPTIONS.put("random", Set.of());
        OPTIONS.put("tpe", Set.of("startup-trials", "ei-candidates", "multivariate", "group", "constant-liar", "width-weighted"));
        OPTIONS.put("gp", Set.of("startup-trials", "candidates"));
        OPTIONS.put("qmc", Set.of("type"));
        OPTIONS.put(GRID, Set.of());
        OPTIONS.put("nsga2", Set.of("population-size", "crossover", "crossover-prob", "swapping-prob",
                "mutation-prob", "mutation-eta", "sbx-eta"));
        OPTIONS.put("cmaes", Set.of("sigma0", "restart", "popsize", "separable", "no-margin", "warm-start",
                "consider-pruned"));
    }

    private Samplers() {
    }

    /**
     * The sampler names, in the order of the table above.
     *
     * @return the names
     */
    public static List<String> names() {
        return List.copyOf(OPTIONS.keySet());
    }

    /**
     * The options sampler {@code name} takes (grid's options are its parameters' names, so none is listed).
     *
     * @param name a sampler name
     * @return its option names
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static Set<String> options(String name) {
        Objects.requireNonNull(name, "sampler name");
        Set<String> o = OPTIONS.get(name.trim().toLowerCase(Locale.ROOT));
        if (o == null) {
            throw unknown(name);
        }
        return Collections.unmodifiableSortedSet(new TreeSet<>(o));
    }

    /**
     * Builds sampler {@code name} from text options; grid's values are not checked against a search space,
     * and cmaes cannot take {@code warm-start} (it needs the storage holding that study).
     *
     * @param name    a sampler name (see {@link #names()})
     * @param options option name → value as text
     * @param seed    the seed of every random choice of the sampler
     * @return the sampler
     * @throws IllegalArgumentException for an unknown name, an option the sampler does not take or a bad value
     */
    public static Sampler create(String name, Map<String, String> options, long seed) {
        return create(name, options, seed, Map.of(), null);
    }

    /**
     * Builds sampler {@code name} from text options, for an objective whose search space is known before its
     * first trial (grid checks its values against it) in a storage (cmaes's {@code warm-start} study is read
     * from it).
     *
     * @param name        a sampler name (see {@link #names()})
     * @param options     option name → value as text
     * @param seed        the seed of every random choice of the sampler
     * @param searchSpace the objective's parameters, or empty when they are known only as trials run
     * @param storage     the storage of the study, or null
     * @return the sampler
     * @throws IllegalArgumentException for an unknown name, an option the sampler does not take or a bad value
     */
    public static Sampler create(String name, Map<String, String> options, long seed,
            Map<String, Distribution> searchSpace, Storage storage) {
        Objects.requireNonNull(name, "sampler name");
        Objects.requireNonNull(options, "options");
        String n = name.trim().toLowerCase(Locale.ROOT);
        Set<String> known = options(n);
        Text t = new Text(n, options);
        if (!n.equals(GRID)) {
            Set<String> unknown = new TreeSet<>(options.keySet());
            unknown.removeAll(known);
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("sampler '" + n + "' does not take option(s) " + unknown
                        + (known.isEmpty() ? "; it takes none" : "; it takes " + new TreeSet<>(known)));
            }
        }
        try {
            return build(n, t, options, seed, searchSpace, storage);
        } catch (IllegalArgumentException e) {
            throw nas.api.OptionWords.inOptionWords(e, "sampler", n, known);
        }
    }

    private static Sampler build(String n, Text t, Map<String, String> options, long seed,
            Map<String, Distribution> searchSpace, Storage storage) {
        switch (n) {
            case "auto":
                return new AutoSampler(seed, AutoSampler.DEFAULT_BUDGET);
            case "random":
                return new RandomSampler(seed);
            case "tpe":
                return tpe(t, seed);
            case "gp":
                return gp(t, seed);
            case "qmc":
                return qmc(t, seed);
            case GRID:
                return grid(options, seed, searchSpace);
            case "nsga2":
                return nsga2(t, seed);
            case "cmaes":
                return cmaes(t, seed, storage);
            default:
                throw unknown(n);
        }
    }

    private static TpeSampler tpe(Text t, long seed) {
        TpeOptions o = TpeOptions.defaults().withSeed(seed);
        if (t.has("startup-trials")) {
            o = o.withNStartupTrials(t.integer("startup-trials"));
        }
        if (t.has("ei-candidates")) {
            o = o.withNEiCandidates(t.integer("ei-candidates"));
        }
        if (t.has("multivariate")) {
            o = o.withMultivariate(t.bool("multivariate"));
        }
        if (t.has("group") && t.bool("group")) {
            o = o.withMultivariate(true).withGroup(true);
        }
        if (t.has("constant-liar")) {
            o = o.withConstantLiar(t.bool("constant-liar"));
        }
        if (t.has("width-weighted")) {
            o = o.withWidthWeighted(t.bool("width-weighted"));
        }
        return new TpeSampler(o);
    }

    private static GpSampler gp(Text t, long seed) {
        GpOptions o = GpOptions.defaults().withSeed(seed);
        if (t.has("startup-trials")) {
            o = o.withNStartupTrials(t.integer("startup-trials"));
        }
        if (t.has("candidates")) {
            o = o.withNCandidates(t.integer("candidates"));
        }
        return new GpSampler(o);
    }

    private static QmcSampler qmc(Text t, long seed) {
        QmcOptions o = QmcOptions.defaults().withSeed(seed);
        if (t.has("type")) {
            o = o.withKind(QmcSequence.Kind.parse(t.text("type")));
        }
        return new QmcSampler(o);
    }

    private static Nsga2Sampler nsga2(Text t, long seed) {
        Nsga2Options o = Nsga2Options.defaults().withSeed(seed);
        if (t.has("population-size")) {
            o = o.withPopulationSize(t.integer("population-size"));
        }
        if (t.has("crossover")) {
            o = o.withCrossover(Nsga2Options.CrossoverKind.parse(t.text("crossover")));
        }
        if (t.has("crossover-prob")) {
            o = o.withCrossoverProb(t.dbl("crossover-prob"));
        }
        if (t.has("swapping-prob")) {
            o = o.withSwappingProb(t.dbl("swapping-prob"));
        }
        if (t.has("mutation-prob")) {
            o = o.withMutationProb(t.dbl("mutation-prob"));
        }
        if (t.has("mutation-eta")) {
            o = o.withMutationEta(t.dbl("mutation-eta"));
        }
        if (t.has("sbx-eta")) {
            o = o.withSbxEta(t.dbl("sbx-eta"));
        }
        return new Nsga2Sampler(o);
    }

    private static CmaEsSampler cmaes(Text t, long seed, Storage storage) {
        CmaEsSampler.Options o = CmaEsSampler.Options.defaults().withSeed(seed)
                .withSeparable(t.has("separable") && t.bool("separable"))
                .withMargin(!(t.has("no-margin") && t.bool("no-margin")))
                .withConsiderPrunedTrials(t.has("consider-pruned") && t.bool("consider-pruned"));
        if (t.has("warm-start")) {
            o = o.withWarmStartTrials(warmStartTrials(t.text("warm-start"), storage));
        }
        if (t.has("sigma0")) {
            o = o.withSigma0(t.dbl("sigma0"));
        }
        if (t.has("popsize")) {
            o = o.withPopsize(t.integer("popsize"));
        }
        if (t.has("restart")) {
            o = o.withRestartStrategy(restart(t.text("restart")));
        }
        return new CmaEsSampler(o);
    }

    private static List<FrozenTrial> warmStartTrials(String study, Storage storage) {
        if (storage == null) {
            throw new IllegalArgumentException("option 'warm-start' of sampler 'cmaes' needs the storage holding "
                    + "study '" + study + "'");
        }
        long id = storage.findStudy(study).orElseThrow(() -> new IllegalArgumentException(
                "option 'warm-start' of sampler 'cmaes': no study '" + study + "' in this storage"));
        List<FrozenTrial> complete = storage.trials(id, EnumSet.of(TrialState.COMPLETE));
        if (complete.isEmpty()) {
            throw new IllegalArgumentException("option 'warm-start' of sampler 'cmaes': study '" + study
                    + "' has no COMPLETE trial");
        }
        return complete;
    }

    private static RestartStrategy restart(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "none":
                return RestartStrategy.NONE;
            case "ipop":
                return RestartStrategy.IPOP;
            case "bipop":
                return RestartStrategy.BIPOP;
            default:
                throw new IllegalArgumentException("option 'restart' of sampler 'cmaes' must be none, ipop or bipop, "
                        + "but got '" + s + "'");
        }
    }

    /**
     * The grid sampler over parameter → "V1,V2,..." in the options' order, its values checked against the
     * search space when it is known: every parameter has a grid, the grid names no other parameter, and every
     * value lies in its parameter's range, so a wrong grid is refused before any trial is written.
     */
    private static GridSampler grid(Map<String, String> options, long seed, Map<String, Distribution> space) {
        if (options.isEmpty()) {
            throw new IllegalArgumentException("grid needs the values of at least one parameter");
        }
        Map<String, List<Object>> values = new LinkedHashMap<>();
        options.forEach((parameter, text) -> {
            List<Object> vs = new ArrayList<>();
            for (String v : text.split(",", -1)) {
                vs.add(gridValue(v.trim()));
            }
            values.put(parameter.trim(), vs);
        });
        checkGrid(values, space);
        return new GridSampler(values, seed);
    }

    private static void checkGrid(Map<String, List<Object>> values, Map<String, Distribution> space) {
        values.forEach((name, vs) -> checkDistinct(name, vs, space.get(name)));
        if (space.isEmpty()) {
            return;
        }
        for (Map.Entry<String, List<Object>> e : values.entrySet()) {
            Distribution d = space.get(e.getKey());
            if (d == null) {
                throw new IllegalArgumentException("grid names '" + e.getKey() + "', which is not a parameter of "
                        + "the objective (parameters: " + space.keySet() + ")");
            }
            for (Object v : e.getValue()) {
                boolean inside;
                try {
                    inside = d.contains(d.toInternal(v));
                } catch (RuntimeException ex) {
                    inside = false;
                }
                if (!inside) {
                    throw new IllegalArgumentException("grid value " + e.getKey() + "=" + v + " is not a value of "
                            + Distributions.describe(d));
                }
            }
        }
        List<String> missing = space.keySet().stream().filter(p -> !values.containsKey(p)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("grid misses parameter(s) " + missing + ": give every parameter of "
                    + "the objective its values");
        }
    }

    /**
     * Refuses a value given twice, compared as the parameter's values ({@code 1} and {@code 1.0} of a float are
     * one value): the grid would run that point twice. Without the parameter's distribution numbers compare by
     * their value, anything else by equality.
     */
    private static void checkDistinct(String name, List<Object> vs, Distribution d) {
        Map<Object, Object> seen = new java.util.HashMap<>();
        for (Object v : vs) {
            Object key;
            try {
                key = d != null ? (Object) d.toInternal(v) : v instanceof Number n ? (Object) n.doubleValue() : v;
            } catch (RuntimeException notAValue) {
                continue; // refused as not a value of the parameter
            }
            if (key instanceof Double x) {
                key = x + 0.0; // -0.0 and 0.0 are one value
            }
            Object first = seen.putIfAbsent(key, v);
            if (first != null) {
                throw new IllegalArgumentException("grid gives value " + first + " of '" + name + "' twice"
                        + (String.valueOf(first).equals(String.valueOf(v)) ? "" : " (as " + first + " and " + v + ")"));
            }
        }
    }

    /** An integer as Long, a decimal as Double, true/false as Boolean, anything else as text. */
    static Object gridValue(String v) {
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

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown sampler '" + name + "'; known samplers: "
                + String.join(", ", OPTIONS.keySet()));
    }

    /** Typed reads of text options, with messages naming the sampler and the option. */
    private record Text(String sampler, Map<String, String> values) {

        boolean has(String key) {
            return values.containsKey(key);
        }

        String text(String key) {
            return values.get(key).trim();
        }

        int integer(String key) {
            try {
                return Integer.parseInt(text(key));
            } catch (NumberFormatException e) {
                throw bad(key, "an integer");
            }
        }

        double dbl(String key) {
            try {
                return Double.parseDouble(text(key));
            } catch (NumberFormatException e) {
                throw bad(key, "a number");
            }
        }

        boolean bool(String key) {
            String v = text(key).toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                throw bad(key, "true or false");
            }
            return Boolean.parseBoolean(v);
        }

        private IllegalArgumentException bad(String key, String what) {
            return new IllegalArgumentException("option '" + key + "' of sampler '" + sampler + "' needs " + what
                    + ", but got '" + values.get(key) + "'");
        }
    }
}
