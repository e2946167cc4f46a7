package nas.samplers.cmaes;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import nas.api.FrozenTrial;
import nas.api.Limits;
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
 * <p><b>Generations are blocks of trial numbers.</b> The run begins at the first trial that samples
 * with a non-empty space, after every earlier trial of this process has finished; its number is
 * stored in {@value #START_KEY} and the space in {@value #SPACE_KEY}. From there each generation is
 * the block of the next λ trial numbers, sampled from the distribution that telling the previous
 * block gave. A block is told, in trial-number order, once all its trials have finished (the sampler
 * waits for those this process runs, {@link StudyView#awaitTrials}): COMPLETE trials (and PRUNED ones
 * with a value when {@link Options#considerPrunedTrials()}) with their values; FAIL and other
 * trials without a value with the block's worst value, ranked after it (a death penalty, so the
 * distribution moves away from where trials fail; a block in which no trial has a value is not told
 * and the next block samples from the same distribution). When a told run meets a termination
 * criterion, the restart strategy begins the next run at the next trial number with its own λ, so
 * the blocks follow the restart schedule, which is itself a function of the stored trials.
 * Everything is rebuilt from the stored trials, so with J worker threads the study is the same as
 * with one (with or without lag), and a resumed study continues the same run. When a block still
 * has a running trial that this process does not wait for (another process's, or any under a loop
 * that is not deterministic), later trials sample from the newest distribution, and the block is
 * told as soon as λ trials sampled from it have finished (the first λ by number, later numbers
 * included), so a slow or dead worker does not stall the run; trials drawn from an older
 * distribution than the one they are told to are injected solutions ({@link Cma#tell(double[][],
 * double[], boolean[])}). Several processes are therefore not reproducible. The newest
 * distribution is also written to {@value #STATE_KEY} (the versioned {@link CmaState} as JSON) for
 * inspection, and each sampled trial is tagged with the run ({@value #RESTART_KEY}) and generation
 * ({@value #GENERATION_KEY}) it was sampled from and its raw sample ({@value #X_KEY}).
 *
 * <p>Randomness: the sample of trial k is drawn from a generator derived from (seed, k), the
 * seed being {@link Options#seed()} or the study seed; a restart's draws from (seed, restart).
 * Fields hold options, caches of decoded values and the generations worked out per study (by id
 * and name), so one instance may serve several threads and studies.
 */
public final class CmaEsSampler implements Sampler {

    /** Study system attribute: the newest generation's {@link CmaState} as JSON text (for inspection). */
    public static final String STATE_KEY = "cmaes:state";
    /** Study system attribute: the encoded search space of the run (name → distribution). */
    public static final String SPACE_KEY = "cmaes:space";
    /** Trial system attribute: run (restart) index the trial was sampled in. */
    public static final String RESTART_KEY = "cmaes:restart";
    /** Trial system attribute: generation the trial was sampled in. */
    public static final String GENERATION_KEY = "cmaes:generation";
    /** Trial system attribute: the raw CMA sample (list of doubles, encoded space). */
    public static final String X_KEY = "cmaes:x";
    /** Study system attribute: the number of the run's first trial (its generations are blocks from there). */
    public static final String START_KEY = "cmaes:start";

    private static final System.Logger LOG = System.getLogger(CmaEsSampler.class.getName());
    private static final long STREAM = Seeds.hash("cmaes");
    /** Generations kept per study: a late trial of an older generation (another process's) finds its own. */
    private static final int KEPT_GENERATIONS = 4;

    /**
     * Options of {@link CmaEsSampler}.
     *
     * @param x0 initial mean as external parameter values (missing ones: centre of the range)
     * @param sigma0 initial step size in the encoded space; NaN for min range / 6
     * @param popsize λ; 0 for 4 + ⌊3 ln n⌋; at most {@link Limits#MAX_POPULATION}
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

        /** Validates σ0 and λ and copies the maps and lists. */
        public Options {
            x0 = x0 == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(x0));
            if (!Double.isNaN(sigma0) && !(sigma0 > 0 && Double.isFinite(sigma0))) {
                throw new IllegalArgumentException("sigma0 must be > 0 and finite (or NaN for the default), got " + sigma0);
            }
            if (popsize != 0 && popsize < 2) {
                throw new IllegalArgumentException("popsize must be 0 (default) or >= 2, got " + popsize);
            }
            Limits.requireAtMost("popsize", popsize, Limits.MAX_POPULATION);
            Objects.requireNonNull(restartStrategy, "restartStrategy");
            warmStartTrials = warmStartTrials == null ? List.of() : List.copyOf(warmStartTrials);
        }

        /** Centre start, σ0 = range / 6, default λ, no restarts, margin on, full covariance. */
        public static Options defaults() {
            return new Options(Map.of(), Double.NaN, 0, RestartStrategy.NONE, true, false, null, List.of(), false,
                    null);
        }

        /** The same options starting from {@code v} (external values by parameter name; others at the centre). */
        public Options withX0(Map<String, Object> v) {
            return new Options(v, sigma0, popsize, restartStrategy, withMargin, separable, seed, warmStartTrials,
                    considerPrunedTrials, independentSampler);
        }

        /** The same options with initial step size {@code v} in the encoded space (NaN: the smallest range / 6). */
        public Options withSigma0(double v) {
            return new Options(x0, v, popsize, restartStrategy, withMargin, separable, seed, warmStartTrials,
                    considerPrunedTrials, independentSampler);
        }

        /** The same options with population size λ = {@code v} (0: 4 + ⌊3 ln n⌋). */
        public Options withPopsize(int v) {
            return new Options(x0, sigma0, v, restartStrategy, withMargin, separable, seed, warmStartTrials,
                    considerPrunedTrials, independentSampler);
        }

        /** The same options restarting as {@code v} says (IPOP, BIPOP or none). */
        public Options withRestartStrategy(RestartStrategy v) {
            return new Options(x0, sigma0, popsize, v, withMargin, separable, seed, warmStartTrials,
                    considerPrunedTrials, independentSampler);
        }

        /** The same options with the margin on int and stepped float coordinates on or off. */
        public Options withMargin(boolean v) {
            return new Options(x0, sigma0, popsize, restartStrategy, v, separable, seed, warmStartTrials,
                    considerPrunedTrials, independentSampler);
        }

        /** The same options with a diagonal (separable) covariance, or the full one. */
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

        /** The same options warm-started from {@code v}, finished trials of a related study. */
        public Options withWarmStartTrials(List<FrozenTrial> v) {
            return new Options(x0, sigma0, popsize, restartStrategy, withMargin, separable, seed, v,
                    considerPrunedTrials, independentSampler);
        }

        /** The same options counting PRUNED trials (with their last value) in the generations, or not. */
        public Options withConsiderPrunedTrials(boolean v) {
            return new Options(x0, sigma0, popsize, restartStrategy, withMargin, separable, seed, warmStartTrials, v,
                    independentSampler);
        }

        /** The same options sampling what CMA-ES does not model (categorical parameters) with {@code v}. */
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
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    /** A CMA-ES sampler with {@link Options#defaults()}. */
    public CmaEsSampler() {
        this(Options.defaults());
    }

    /** A CMA-ES sampler with {@code options}. */
    public CmaEsSampler(Options options) {
        this.options = Objects.requireNonNull(options, "options");
        this.independent = options.independentSampler() != null ? options.independentSampler()
                : options.seed() != null ? new RandomSampler(options.seed()) : new RandomSampler();
    }

    /**
     * The settings this sampler runs with.
     *
     * @return the settings
     */
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
        Run known = runs.get(runKey(study));
        if (known != null) {
            return known.enc.space();
        }
        Object stored = study.systemAttrs().get(SPACE_KEY);
        if (stored instanceof String json) {
            return spaceCache.computeIfAbsent(json, CmaEsSampler::decodeSpace);
        }
        // No run yet: the first trial whose space is not empty begins it. Every earlier trial this
        // process runs must have finished first, so that trial does not depend on the threads' timing.
        List<FrozenTrial> complete = new ArrayList<>();
        for (FrozenTrial t : trial.number() > 0 ? study.awaitTrials(0, trial.number() - 1) : List.<FrozenTrial>of()) {
            if (t.state() == TrialState.COMPLETE) {
                complete.add(t);
            }
        }
        stored = study.systemAttrs().get(SPACE_KEY);
        if (stored instanceof String json) {
            return spaceCache.computeIfAbsent(json, CmaEsSampler::decodeSpace);
        }
        Map<String, Distribution> space = new TreeMap<>();
        List<String> categorical = new ArrayList<>();
        IntersectionSearchSpace.ofSampleable(complete).forEach((name, d) -> {
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
    private record Encoding(Map<String, Distribution> space, SearchSpaceTransform transform, CmaConfig config,
            String spaceJson) {}

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
            return new Encoding(s, t, config, encodeSpace(s));
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
        Run run = run(study, enc, seed, trial.number());
        if (run == null) {
            return Map.of(); // the run began at a later trial number (another process's): sampled independently
        }
        Block block = blockOf(study, run, trial.number());
        double[] x;
        double[] eval;
        synchronized (run) { // Cma's ask uses scratch arrays
            x = block.cma().ask(Seeds.random(seed, trial.number(), STREAM));
            eval = block.cma().toEvaluation(x);
        }
        study.setTrialSystemAttr(trial.id(), RESTART_KEY, (long) block.restart());
        study.setTrialSystemAttr(trial.id(), GENERATION_KEY, (long) block.generation());
        List<Double> raw = new ArrayList<>(x.length);
        for (double v : x) {
            raw.add(v);
        }
        study.setTrialSystemAttr(trial.id(), X_KEY, raw);
        return enc.transform().untransform(eval);
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        return independent.sampleIndependent(study, trial, name, distribution);
    }

    /**
     * One generation: the λ trials numbered {@code first} to {@code first + λ − 1}, sampled from
     * {@code cma} (the run before they are told).
     *
     * @param generation the generation's index in its run (restart)
     */
    private record Block(int first, int restart, int generation, Cma cma) {
        int last() {
            return first + cma.popsize() - 1;
        }

        /** Whether the trial's tags say it was sampled from this block's distribution. */
        boolean sampled(FrozenTrial t) {
            return t.systemAttrs().get(RESTART_KEY) instanceof Number r && r.intValue() == restart
                    && t.systemAttrs().get(GENERATION_KEY) instanceof Number g && g.intValue() == generation;
        }
    }

    /**
     * What this process knows of one study's run: its first trial number and the newest
     * generations it has worked out from the stored trials. Guarded by itself.
     */
    private static final class Run {
        final int start;
        final Encoding enc;
        final long seed;
        final TreeMap<Integer, Block> blocks = new TreeMap<>();

        Run(int start, Encoding enc, long seed, Block first) {
            this.start = start;
            this.enc = enc;
            this.seed = seed;
            blocks.put(first.first(), first);
        }

        boolean matches(Encoding other, long otherSeed) {
            return enc.spaceJson().equals(other.spaceJson()) && seed == otherSeed;
        }
    }

    private static String runKey(StudyView study) {
        return study.id() + "/" + study.name();
    }

    /**
     * The study's run, from this process's cache or begun afresh from the stored trials: the first
     * CMA-ES trial is recorded in {@value #START_KEY} (with the space in {@value #SPACE_KEY}) by the
     * first trial that samples with a non-empty space. Null when the stored run begins after
     * {@code number}.
     */
    private Run run(StudyView study, Encoding enc, long seed, int number) {
        String key = runKey(study);
        Run cached = runs.get(key);
        if (cached != null && cached.matches(enc, seed)) {
            return number >= cached.start ? cached : null;
        }
        study.compareAndSetSystemAttr(SPACE_KEY, null, enc.spaceJson());
        study.compareAndSetSystemAttr(START_KEY, null, (long) number);
        Map<String, Object> attrs = study.systemAttrs();
        int start = ((Number) attrs.get(START_KEY)).intValue();
        if (!enc.spaceJson().equals(attrs.get(SPACE_KEY))) {
            throw new IllegalStateException("study '" + study.name() + "' has a CMA-ES run over another search space: "
                    + attrs.get(SPACE_KEY));
        }
        CmaState initial = initialState(study, enc, seed);
        study.compareAndSetSystemAttr(STATE_KEY, null, CmaStateCodec.toJson(initial));
        Cma first = Cma.restore(initial, enc.config());
        Run run = new Run(start, enc, seed, new Block(start, 0, 0, first));
        Run shared = runs.merge(key, run, (old, mine) -> old.matches(mine.enc, mine.seed) ? old : mine);
        return number >= start ? shared : null;
    }

    /**
     * The block of trial {@code number}: tells every earlier block once its trials have finished
     * (waiting for those this process runs), in trial-number order, restarting the run where it
     * stops.
     */
    private Block blockOf(StudyView study, Run run, int number) {
        Block told = null; // the newest block this call told: its state is written once, on the way out
        while (true) {
            Block newest;
            synchronized (run) {
                newest = run.blocks.lastEntry().getValue();
                if (number <= newest.last()) {
                    Map.Entry<Integer, Block> own = run.blocks.floorEntry(number);
                    publish(study, run, told);
                    // a trial older than the generations kept here (another process's): the oldest kept
                    return own != null ? own.getValue() : run.blocks.firstEntry().getValue();
                }
            }
            List<FrozenTrial> trials = study.awaitTrials(newest.first(), newest.last());
            int lambda = newest.cma().popsize();
            if (trials.size() < lambda || trials.stream().anyMatch(t -> !t.state().isFinished())) {
                // A trial of the block still runs that this process does not wait for (another
                // process's, or under a loop that is not deterministic): rather than stall behind
                // it, the generation is the first λ finished trials sampled from its distribution,
                // later trial numbers included; until there are λ, trials sample from it.
                trials = study.awaitTrials(newest.first(), number - 1).stream()
                        .filter(t -> t.state().isFinished() && newest.sampled(t)).limit(lambda).toList();
                if (trials.size() < lambda) {
                    synchronized (run) {
                        publish(study, run, told);
                    }
                    return newest;
                }
            }
            Block next = told(study, run, newest, trials);
            synchronized (run) {
                if (run.blocks.lastEntry().getValue() == newest) {
                    run.blocks.put(next.first(), next);
                    while (run.blocks.size() > KEPT_GENERATIONS) {
                        run.blocks.pollFirstEntry();
                    }
                    told = next;
                }
            }
        }
    }

    /**
     * Writes the distribution of {@code block} to {@value #STATE_KEY}, for inspection and tools (the
     * run itself is rebuilt from the trials), if it is still the newest: a resume that tells the
     * generations of a long run again writes the last one only, instead of a state per generation
     * (one storage write each, about half of a resume's time). Called holding {@code run}.
     */
    private static void publish(StudyView study, Run run, Block block) {
        if (block != null && run.blocks.lastEntry().getValue() == block) {
            study.setSystemAttr(STATE_KEY, CmaStateCodec.toJson(block.cma().state()));
        }
    }

    /** The block after {@code block}, whose λ finished trials are given in number order. */
    private Block told(StudyView study, Run run, Block block, List<FrozenTrial> trials) {
        Encoding enc = run.enc;
        double sign = study.directions().get(0) == StudyDirection.MAXIMIZE ? -1 : 1;
        List<Generations.Outcome> outcomes = new ArrayList<>(trials.size());
        for (FrozenTrial t : trials) {
            boolean counted = t.state() == TrialState.COMPLETE
                    || (t.state() == TrialState.PRUNED && options.considerPrunedTrials());
            double[] sample = storedSample(t, enc, block.cma());
            double[] x = sample != null ? sample
                    : t.internalParams().keySet().containsAll(enc.transform().names())
                            ? enc.transform().transform(t.internalParams()) : null;
            // drawn from another distribution: sampled early from an older one, or enqueued
            boolean injected = x != null && (sample == null || !block.sampled(t));
            if (x == null) {
                // never sampled here (it failed first, or has other parameters): the draw it would have had
                synchronized (run) {
                    x = block.cma().ask(Seeds.random(run.seed, t.number(), STREAM));
                }
                counted = false;
            }
            double value = counted && t.values().size() == 1 && Double.isFinite(t.values().get(0))
                    ? sign * t.values().get(0) : Double.NaN;
            outcomes.add(new Generations.Outcome(x, value, injected));
        }
        Cma next = Generations.tell(block.cma(), outcomes, options.restartStrategy(), run.seed);
        return next.restarts() != block.restart()
                ? new Block(block.last() + 1, next.restarts(), 0, next)
                : new Block(block.last() + 1, block.restart(), block.generation() + 1, next);
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

    /**
     * The raw sample stored with a trial, or null when there is none or the trial's parameters are
     * not those it encodes (enqueued values overrode it).
     */
    private static double[] storedSample(FrozenTrial t, Encoding enc, Cma cma) {
        SearchSpaceTransform tr = enc.transform();
        if (!(t.systemAttrs().get(X_KEY) instanceof List<?> list) || list.size() != tr.dimension()
                || !t.internalParams().keySet().containsAll(tr.names())) {
            return null;
        }
        double[] x = new double[list.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = ((Number) list.get(i)).doubleValue();
        }
        double[] eval = cma.toEvaluation(x);
        for (int p = 0; p < tr.names().size(); p++) {
            if (tr.decode(p, eval) != t.internalParams().get(tr.names().get(p))) {
                return null;
            }
        }
        return x;
    }
}
