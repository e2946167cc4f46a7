package nas.samplers.cmaes;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import nas.api.FrozenTrial;
import nas.api.Seeds;
import nas.api.StudyDirection;
import nas.api.StudyView;
import nas.api.TrialState;
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.Distribution;
import nas.api.distribution.Distributions;
import nas.api.distribution.FloatDistribution;
import nas.api.distribution.IntDistribution;
import nas.api.distribution.SearchSpaceTransform;
import nas.api.sampler.IntersectionSearchSpace;
import nas.api.sampler.RandomSampler;
import nas.api.sampler.Sampler;
import nas.samplers.cmaes.Generations.Evaluation;

/**
 * CMA-ES as a relative sampler over the float and int parameters of a study (single objective).
 *
 * <p>The search space is the intersection of the parameters of the completed trials at the time
 * the run starts, minus categorical parameters; it is then fixed and stored with the run. Floats
 * and ints are encoded by {@link SearchSpaceTransform} (log scales become ln x); ints and stepped
 * floats are discrete coordinates (CMA-ES with margin when {@link Options#withMargin()}).
 * Categorical parameters, and anything outside the space, go to {@link
 * Options#independentSampler()}; a one-time warning names the categorical ones.
 *
 * <p>The whole optimizer lives in study system attributes: {@value #STATE_KEY} holds the
 * versioned {@link CmaState} as JSON and {@value #SPACE_KEY} the space it was built for. Each
 * sampled trial is tagged in its own system attributes with the run ({@value #RESTART_KEY}), the
 * generation ({@value #GENERATION_KEY}) and the raw sample ({@value #X_KEY}). Before sampling, the
 * sampler tells every generation that has λ finished trials (COMPLETE, and PRUNED with a value
 * when {@link Options#considerPrunedTrials()}; FAIL trials are not counted, so a generation simply
 * draws more samples), restarts a stopped run under the restart strategy, and stores the result
 * with a compare-and-set. Telling is a pure function of the stored state and the finished trials,
 * so a study resumed after a crash continues the same run, and several workers share one
 * generation: whoever stores first wins, the others reload.
 *
 * <p>Randomness: the sample of trial k is drawn from a generator derived from (seed, k), the
 * seed being {@link Options#seed()} or the study seed. Fields hold only options and caches of
 * decoded values, so one instance may serve several threads and studies.
 */
public final class CmaEsSampler implements Sampler {

    /** Study system attribute: the run's {@link CmaState} as JSON text. */
    public static final String STATE_KEY = "cmaes:state";
    /** Study system attribute: the encoded search space of the run (name → distribution). */
    public static final String SPACE_KEY = "cmaes:space";
    /** Trial system attribute: run (restart) index the trial was sampled in. */
    public static final String RESTART_KEY = "cmaes:restart";
    /** Trial system attribute: generation the trial was sampled in. */
    public static final String GENERATION_KEY = "cmaes:generation";
    /** Trial system attribute: the raw CMA sample (list of doubles, encoded space). */
    public static final String X_KEY = "cmaes:x";

    private static final System.Logger LOG = System.getLogger(CmaEsSampler.class.getName());
    private static final long STREAM = Seeds.hash("cmaes");
    private static final int CAS_ATTEMPTS = 8;

    /**
     * Options of {@link CmaEsSampler}.
     *
     * @param x0 initial mean as external parameter values (missing ones: centre of the range)
     * @param sigma0 initial step size in the encoded space; NaN for min range / 6
     * @param popsize λ; 0 for 4 + ⌊3 ln n⌋
     * @param restartStrategy what to do when the run stops
     * @param withMargin CMA-ES with margin on int and stepped float coordinates
     * @param separable diagonal covariance (sep-CMA), for many parameters
     * @param seed seed of the samples; null for the study seed
     * @param warmStartTrials finished trials of a previous similar study (same parameters, same
     *     direction) whose best 10% define the initial distribution (WS-CMA-ES); empty for none
     * @param considerPrunedTrials count PRUNED trials with their last reported value
     * @param independentSampler samples categorical and other parameters outside the space
     */
    public record Options(
            Map<String, Object> x0,
            double sigma0,
            int popsize,
            RestartStrategy restartStrategy,
            boolean withMargin,
            boolean separable,
            Long seed,
            List<FrozenTrial> warmStartTrials,
            boolean considerPrunedTrials,
            Sampler independentSampler) {

        public Options {
            x0 = x0 == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(x0));
            if (!Double.isNaN(sigma0) && !(sigma0 > 0 && Double.isFinite(sigma0))) {
                throw new IllegalArgumentException("sigma0 must be > 0 and finite (or NaN for the default), got " + sigma0);
            }
            if (popsize != 0 && popsize < 2) {
                throw new IllegalArgumentException("popsize must be 0 (default) or >= 2, got " + popsize);
            }
            Objects.requireNonNull(restartStrategy, "restartStrategy");
            warmStartTrials = warmStartTrials == null ? List.of() : List.copyOf(warmStartTrials);
        }

        /** Centre start, σ0 = range / 6, default λ, no restarts, margin on, full covariance. */
        public static Options defaults() {
            return new Options(Map.of(), Double.NaN, 0, RestartStrategy.NONE, true, false, null, List.of(), false,
                    null);
        }

        public Options withX0(Map<String, Object> v) {
            return new Options(v, sigma0, popsize, restartStrategy, withMargin, separable, seed, warmStartTrials,
                    considerPrunedTrials, independentSampler);
        }

        public Options withSigma0(double v) {
            return new Options(x0, v, popsize, restartStrategy, withMargin, separable, seed, warmStartTrials,
                    considerPrunedTrials, independentSampler);
        }

        public Options withPopsize(int v) {
            return new Options(x0, sigma0, v, restartStrategy, withMargin, separable, seed, warmStartTrials,
                    considerPrunedTrials, independentSampler);
        }

        public Options withRestartStrategy(RestartStrategy v) {
            return new Options(x0, sigma0, popsize, v, withMargin, separable, seed, warmStartTrials,
                    considerPrunedTrials, independentSampler);
        }

        public Options withMargin(boolean v) {
            return new Options(x0, sigma0, popsize, restartStrategy, v, separable, seed, warmStartTrials,
                    considerPrunedTrials, independentSampler);
        }

        public Options withSeparable(boolean v) {
            return new Options(x0, sigma0, popsize, restartStrategy, withMargin, v, seed, warmStartTrials,
                    considerPrunedTrials, independentSampler);
        }

        /** Seeds this sampler's random choices with {@code seed} (the study's seed is then not used). */
        public Options withSeed(long seed) {
            return seeded(seed);
        }

        /** Takes the seed from the study ({@code Studies.builder(...).seed(...)}, default 0): the default. */
        public Options withStudySeed() {
            return seeded(null);
        }

        /**
         * A seed, or null for the study's.
         *
         * @deprecated use {@link #withSeed(long)} or {@link #withStudySeed()}
         */
        @Deprecated
        public Options withSeed(Long v) {
            return seeded(v);
        }

        private Options seeded(Long v) {
            return new Options(x0, sigma0, popsize, restartStrategy, withMargin, separable, v, warmStartTrials,
                    considerPrunedTrials, independentSampler);
        }

        public Options withWarmStartTrials(List<FrozenTrial> v) {
            return new Options(x0, sigma0, popsize, restartStrategy, withMargin, separable, seed, v,
                    considerPrunedTrials, independentSampler);
        }

        public Options withConsiderPrunedTrials(boolean v) {
            return new Options(x0, sigma0, popsize, restartStrategy, withMargin, separable, seed, warmStartTrials, v,
                    independentSampler);
        }

        public Options withIndependentSampler(Sampler v) {
            return new Options(x0, sigma0, popsize, restartStrategy, withMargin, separable, seed, warmStartTrials,
                    considerPrunedTrials, v);
        }
    }

    private final Options options;
    private final Sampler independent;
    private final AtomicBoolean warnedCategorical = new AtomicBoolean();
    private final AtomicBoolean warnedMultiObjective = new AtomicBoolean();
    // caches of decoded values only: they never change what is sampled
    private final Map<String, Map<String, Distribution>> spaceCache = lru(8);
    private final Map<Map<String, Distribution>, Encoding> encodingCache = lru(8);
    private final Map<String, CmaState> stateCache = lru(4);

    public CmaEsSampler() {
        this(Options.defaults());
    }

    public CmaEsSampler(Options options) {
        this.options = Objects.requireNonNull(options, "options");
        this.independent = options.independentSampler() != null ? options.independentSampler()
                : options.seed() != null ? new RandomSampler(options.seed()) : new RandomSampler();
    }

    public Options options() {
        return options;
    }

    private static <K, V> Map<K, V> lru(int size) {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        });
    }

    // ---------------------------------------------------------------------------------------------
    // search space

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
        if (study.isMultiObjective()) {
            if (warnedMultiObjective.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "CmaEsSampler supports one objective only; study ''{0}'' has {1}, so all its "
                        + "parameters are sampled independently", study.name(), study.directions().size());
            }
            return Map.of();
        }
        Object stored = study.systemAttrs().get(SPACE_KEY);
        if (stored instanceof String json) {
            return spaceCache.computeIfAbsent(json, CmaEsSampler::decodeSpace);
        }
        Map<String, Distribution> space = new TreeMap<>();
        List<String> categorical = new ArrayList<>();
        IntersectionSearchSpace.ofSampleable(study.trials(TrialState.COMPLETE)).forEach((name, d) -> {
            if (d instanceof CategoricalDistribution) {
                categorical.add(name);
            } else {
                space.put(name, d);
            }
        });
        if (!categorical.isEmpty() && warnedCategorical.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "CmaEsSampler does not model categorical parameters; {0} are sampled independently "
                    + "by {1}", categorical, independent.getClass().getSimpleName());
        }
        return Collections.unmodifiableMap(space);
    }

    static String encodeSpace(Map<String, Distribution> space) {
        Map<String, Object> m = new TreeMap<>();
        space.forEach((k, v) -> m.put(k, Distributions.toMap(v)));
        return nas.api.json.Json.write(m);
    }

    private static Map<String, Distribution> decodeSpace(String json) {
        Object parsed = nas.api.json.Json.read(json);
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("study attribute " + SPACE_KEY + " must be a JSON object, got " + json);
        }
        Map<String, Distribution> out = new TreeMap<>();
        m.forEach((k, v) -> out.put((String) k, Distributions.fromMap((Map<?, ?>) v)));
        return Collections.unmodifiableMap(out);
    }

    /** The encoded space and the core's problem description for it. */
    private record Encoding(SearchSpaceTransform transform, CmaConfig config, String spaceJson) {}

    private Encoding encoding(Map<String, Distribution> space) {
        return encodingCache.computeIfAbsent(space, s -> {
            SearchSpaceTransform t = new SearchSpaceTransform(new TreeMap<>(s));
            int n = t.dimension();
            double[] lo = new double[n];
            double[] hi = new double[n];
            double[] steps = new double[n];
            for (int i = 0; i < n; i++) {
                lo[i] = t.lower(i);
                hi[i] = t.upper(i);
                Distribution d = t.distributions().get(t.columnParameter(i));
                // linear ints and stepped floats own cells of one step in the encoded space
                if (d instanceof IntDistribution id && !id.log()) {
                    steps[i] = id.step();
                } else if (d instanceof FloatDistribution fd && !fd.log() && fd.hasStep()) {
                    steps[i] = fd.step();
                }
            }
            CmaConfig config = CmaConfig.box(lo, hi).withSteps(steps, options.withMargin());
            return new Encoding(t, config, encodeSpace(s));
        });
    }

    // ---------------------------------------------------------------------------------------------
    // sampling

    @Override
    public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
        if (space.isEmpty()) {
            return Map.of();
        }
        Encoding enc = encoding(space);
        long seed = options.seed() != null ? options.seed() : study.seed();
        Cma cma = currentRun(study, enc, seed);

        double[] x = cma.ask(Seeds.random(seed, trial.number(), STREAM));
        study.setTrialSystemAttr(trial.id(), RESTART_KEY, (long) cma.restarts());
        study.setTrialSystemAttr(trial.id(), GENERATION_KEY, (long) cma.generation());
        List<Double> raw = new ArrayList<>(x.length);
        for (double v : x) {
            raw.add(v);
        }
        study.setTrialSystemAttr(trial.id(), X_KEY, raw);
        return enc.transform().untransform(cma.toEvaluation(x));
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        return independent.sampleIndependent(study, trial, name, distribution);
    }

    /**
     * Loads the stored run (creating it if absent or built for another space), tells every
     * complete generation, and stores the result; retried when another worker stored first.
     */
    private Cma currentRun(StudyView study, Encoding enc, long seed) {
        for (int attempt = 0; ; attempt++) {
            Map<String, Object> attrs = study.systemAttrs();
            Object storedJson = attrs.get(STATE_KEY);
            Cma cma;
            if (storedJson instanceof String json && enc.spaceJson().equals(attrs.get(SPACE_KEY))) {
                cma = Cma.restore(stateCache.computeIfAbsent(json, CmaStateCodec::fromJson), enc.config());
            } else {
                cma = Cma.restore(initialState(study, enc, seed), enc.config());
            }
            Cma advanced = Generations.advance(cma, finishedOfCurrentRun(study, enc, cma), options.restartStrategy(),
                    seed);
            if (advanced == cma && storedJson instanceof String && enc.spaceJson().equals(attrs.get(SPACE_KEY))) {
                return cma;
            }
            String newJson = CmaStateCodec.toJson(advanced.state());
            if (!enc.spaceJson().equals(attrs.get(SPACE_KEY))) {
                study.setSystemAttr(SPACE_KEY, enc.spaceJson());
            }
            if (study.compareAndSetSystemAttr(STATE_KEY, storedJson, newJson)) {
                stateCache.put(newJson, advanced.state());
                return advanced;
            }
            if (attempt >= CAS_ATTEMPTS) {
                throw new IllegalStateException("CMA-ES state of study '" + study.name() + "' changed " + CAS_ATTEMPTS
                        + " times while this worker was updating it");
            }
        }
    }

    private CmaState initialState(StudyView study, Encoding enc, long seed) {
        SearchSpaceTransform t = enc.transform();
        int n = t.dimension();
        double[] x0 = new double[n];
        double minRange = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            x0[i] = (t.lower(i) + t.upper(i)) / 2;
            minRange = Math.min(minRange, t.upper(i) - t.lower(i));
        }
        for (int p = 0; p < t.names().size(); p++) {
            Object v = options.x0().get(t.names().get(p));
            if (v != null) {
                Distribution d = t.distributions().get(p);
                double internal = d.toInternal(v);
                if (!d.contains(internal)) {
                    throw new IllegalArgumentException("x0 value " + v + " of parameter '" + t.names().get(p)
                            + "' lies outside " + Distributions.describe(d));
                }
                x0[t.firstColumn(p)] = encodeOne(t, p, internal);
            }
        }
        double sigma0 = Double.isNaN(options.sigma0()) ? minRange / 6 : options.sigma0();
        double[][] cov0 = null;
        WarmStart ws = warmStart(study, t);
        if (ws != null) {
            for (int i = 0; i < n; i++) {
                x0[i] = Math.min(t.upper(i), Math.max(t.lower(i), ws.mean()[i]));
            }
            sigma0 = ws.sigma();
            cov0 = ws.cov();
        }
        return Cma.initialState(x0, sigma0, cov0, options.popsize(), options.separable(), enc.config(), seed);
    }

    private static double encodeOne(SearchSpaceTransform t, int p, double internal) {
        Distribution d = t.distributions().get(p);
        boolean log = (d instanceof FloatDistribution f && f.log()) || (d instanceof IntDistribution i && i.log());
        return log ? Math.log(internal) : internal;
    }

    private WarmStart warmStart(StudyView study, SearchSpaceTransform t) {
        List<double[]> xs = new ArrayList<>();
        List<Double> fs = new ArrayList<>();
        double sign = study.directions().get(0) == StudyDirection.MAXIMIZE ? -1 : 1;
        for (FrozenTrial source : options.warmStartTrials()) {
            if (source.state() != TrialState.COMPLETE || source.values().size() != 1) {
                continue;
            }
            if (!source.internalParams().keySet().containsAll(t.names())) {
                continue;
            }
            xs.add(t.transform(source.internalParams()));
            fs.add(sign * source.value());
        }
        if (xs.isEmpty()) {
            if (!options.warmStartTrials().isEmpty()) {
                LOG.log(Level.WARNING, "none of the {0} warm-start trials has all parameters {1}; starting cold",
                        options.warmStartTrials().size(), t.names());
            }
            return null;
        }
        double[] prior = new double[t.dimension()];
        for (int i = 0; i < prior.length; i++) {
            prior[i] = 0.1 * (t.upper(i) - t.lower(i)); // α = 0.1 of the range (WS-CMA-ES default)
        }
        double[] f = fs.stream().mapToDouble(Double::doubleValue).toArray();
        return WarmStart.estimate(xs.toArray(new double[0][]), f, 0.1, prior);
    }

    /** Finished, tagged trials of the run's current generation, as minimization evaluations. */
    private List<Evaluation> finishedOfCurrentRun(StudyView study, Encoding enc, Cma cma) {
        List<Evaluation> out = new ArrayList<>();
        double sign = study.directions().get(0) == StudyDirection.MAXIMIZE ? -1 : 1;
        TrialState[] states = options.considerPrunedTrials()
                ? new TrialState[] {TrialState.COMPLETE, TrialState.PRUNED}
                : new TrialState[] {TrialState.COMPLETE};
        long restart = cma.restarts();
        long generation = cma.generation();
        List<FrozenTrial> trials = study.trials(states);
        // Newest first. Trials are tagged in sampling order, so those of the current generation are
        // among the newest: the scan stops after a long run of trials from earlier generations
        // (longer than any number of trials sampled concurrently), which keeps a long study from
        // costing O(trials) per sample in the common case.
        int patience = Math.max(2 * cma.popsize(), 64);
        int older = 0;
        for (int k = trials.size() - 1; k >= 0 && older < patience; k--) {
            FrozenTrial t = trials.get(k);
            Map<String, Object> attrs = t.systemAttrs();
            if (!(attrs.get(GENERATION_KEY) instanceof Number g) || g.longValue() != generation
                    || !(attrs.get(RESTART_KEY) instanceof Number r) || r.longValue() != restart) {
                older++;
                continue;
            }
            older = 0;
            if (t.values().size() != 1 || !Double.isFinite(t.values().get(0))) {
                continue;
            }
            double[] x = rawPoint(t, attrs.get(X_KEY), enc, cma);
            if (x != null) {
                out.add(new Evaluation(t.number(), (int) restart, (int) generation, x, sign * t.values().get(0)));
            }
        }
        return out;
    }

    /**
     * The raw sample of a trial; when the trial's parameters are not those the sample encodes
     * (enqueued values overrode it), the encoding of the actual parameters instead.
     */
    private static double[] rawPoint(FrozenTrial t, Object stored, Encoding enc, Cma cma) {
        SearchSpaceTransform tr = enc.transform();
        if (!t.internalParams().keySet().containsAll(tr.names())) {
            return null;
        }
        double[] x = null;
        if (stored instanceof List<?> list && list.size() == tr.dimension()) {
            x = new double[list.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = ((Number) list.get(i)).doubleValue();
            }
            double[] eval = cma.toEvaluation(x);
            for (int p = 0; p < tr.names().size(); p++) {
                if (tr.decode(p, eval) != t.internalParams().get(tr.names().get(p))) {
                    x = null;
                    break;
                }
            }
        }
        return x != null ? x : tr.transform(t.internalParams());
    }
}
