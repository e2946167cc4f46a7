package nas.samplers.morris;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nas.api.FrozenTrial;
import nas.api.Seeds;
import nas.api.StudyView;
import nas.api.TrialState;
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.distribution.IntDistribution;
import nas.api.distribution.SearchSpaceTransform;
import nas.api.sampler.RandomSampler;
import nas.api.sampler.Sampler;

/**
 * Runs a {@link MorrisDesign} as a study: trial {@code n} runs point {@code n - first} of the design.
 *
 * <p><b>Where the design lives.</b> The design is a pure function of (parameters, levels, trajectories,
 * candidate pool, seed); those settings are written once to the study system attribute {@value #DESIGN_ATTR}
 * and a sampler with other settings is refused on that study. With them goes the number of the design's
 * first trial ({@value #FIRST_TRIAL_KEY}): trial {@code n} runs point {@code n - first}, so which trial gets
 * which point depends on trial numbers only, not on which worker thread gets there first, and several
 * workers, processes and a restarted process share one design without running a point twice. The first
 * trial that reaches the design stores it: a trial that finds none waits until the earlier trials of its
 * deterministic {@code optimize} loop have finished (once per study; see {@link StudyView#awaitFinished}),
 * so one of them that reaches the design stores it instead, and names as first itself or a lower-numbered
 * trial it sees running without parameters (another process's, or its own loop's without the lag).
 * Trials that finished before (a baseline, an earlier phase) get no point, and {@code --jobs J} gives the
 * same study on every run and the same as one thread with lag {@code J}. A trial numbered below the first
 * that still reaches the design (possible only without the lag, or across processes) is sampled at
 * random. Each trial records its point in the trial system attribute {@value #POINT_ATTR}; the analysis
 * ({@code nas.analysis.importance.MorrisImportance}) reads only these attributes and the trials'
 * parameters. A failed trial keeps its point (also one that failed before suggesting anything): the
 * analysis skips the two steps that touch it. A trial with fixed
 * parameters (enqueued, or retried by {@code RetryFailedTrialCallback}) takes no point, so no point's
 * parameters are overridden; its other parameters are random, and if it is numbered within the design, its
 * number's point is not run (as for a failed trial). Once the design is used up, trials are sampled
 * uniformly at random. A study whose design was stored without a first trial (by an earlier version, which
 * handed points out in the order trials claimed them) keeps claiming its next point from the study
 * attribute {@value #NEXT_ATTR} with a compare-and-set.
 *
 * <p><b>From the unit cube to parameters.</b> Design coordinate {@code x} in {@code [0,1]} becomes:
 * <ul>
 *   <li>continuous float (also log): {@code lower + x (upper - lower)} in the
 *       {@link SearchSpaceTransform} column (log space on a log scale), decoded by the transform;</li>
 *   <li>int, or float with a step, with {@code m} grid values: grid value {@code min(m-1, floor(x m))}, so
 *       every value owns an equal share of {@code [0,1]} exactly as in the transform's encoding;</li>
 *   <li>categorical with {@code n} choices: choice {@code min(n-1, floor(x n))}.</li>
 * </ul>
 * Rounding may make a step of a discrete parameter change nothing; the analysis uses the values actually
 * taken, not the design's.
 */
public final class MorrisSampler implements Sampler {

    /** Study system attribute with the design settings. */
    public static final String DESIGN_ATTR = "morris:design";
    /** Key of {@value #DESIGN_ATTR} with the number of the trial that runs point 0. */
    public static final String FIRST_TRIAL_KEY = "first_trial";
    /** Study system attribute with the next unclaimed point, of a design stored without {@value #FIRST_TRIAL_KEY}. */
    public static final String NEXT_ATTR = "morris:next";
    /** Trial system attribute with the trial's point in the design. */
    public static final String POINT_ATTR = "morris:point";

    private final Map<String, Distribution> space;
    private final List<String> names;
    private final SearchSpaceTransform transform;
    private final int levels;
    private final int trajectories;
    private final int candidatePool;
    private final long seed;
    /** The pure design: a function of the settings, not cross-trial state. */
    private final MorrisDesign design;

    /**
     * The parameters sorted by name (the factor order); prefer {@link #builder()}, which keeps the
     * order they are declared in.
     *
     * @param space         the parameters to screen; the objective must suggest them with these distributions
     * @param levels        grid levels {@code p} (even, at least 2; 4 is customary)
     * @param trajectories  trajectories {@code r} (10-20 is customary)
     * @param candidatePool candidate trajectories for Campolongo's selection; 0 for none
     * @param seed          seed of the design
     * @deprecated use {@link #builder()}
     */
    @Deprecated
    public MorrisSampler(Map<String, Distribution> space, int levels, int trajectories, int candidatePool, long seed) {
        this(new TreeMap<>(space), levels, trajectories, candidatePool, seed, true);
    }

    /** {@code space} in factor order. */
    private MorrisSampler(Map<String, Distribution> space, int levels, int trajectories, int candidatePool, long seed,
            boolean ordered) {
        if (space.isEmpty()) {
            throw new IllegalArgumentException("the Morris design needs at least one parameter, got none");
        }
        Map<String, Distribution> sorted = new LinkedHashMap<>(space);
        sorted.values().removeIf(Distribution::isSingle);
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("every parameter of " + space.keySet() + " has a single value");
        }
        this.space = Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
        this.names = List.copyOf(sorted.keySet());
        this.transform = new SearchSpaceTransform(this.space);
        // Validates levels, trajectories and pool with the design's own messages.
        this.design = MorrisDesign.generate(names.size(), levels, trajectories, candidatePool, seed);
        this.levels = levels;
        this.trajectories = trajectories;
        this.candidatePool = candidatePool;
        this.seed = seed;
    }

    /**
     * Named options; defaults: 4 levels, 10 trajectories, a candidate pool of 50, seed 0.
     *
     * <pre>{@code
     * MorrisSampler morris = MorrisSampler.builder().trajectories(20).seed(1).spaceOf(objective).build();
     * Study screen = Studies.builder().sampler(morris).create();
     * screen.optimize(objective, morris.designSize());
     * }</pre>
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Options of a {@link MorrisSampler}. */
    public static final class Builder {
        private int levels = 4;
        private int trajectories = 10;
        private int candidatePool = 50;
        private long seed;
        private Map<String, Distribution> space;

        private Builder() {
        }

        /** Grid levels {@code p}: even, at least 2 (default 4). */
        public Builder levels(int p) {
            this.levels = p;
            return this;
        }

        /** Trajectories {@code r} (default 10; 10-20 is customary): the design has {@code r (k + 1)} points. */
        public Builder trajectories(int r) {
            this.trajectories = r;
            return this;
        }

        /** Candidate trajectories for Campolongo's spread-maximising selection; 0 for none (default 50). */
        public Builder candidatePool(int m) {
            this.candidatePool = m;
            return this;
        }

        /**
         * Seed of the design (default 0). The design is fixed when the sampler is built, so it does
         * not take the study's seed; its independent samples after the design is used up use it too.
         */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** The parameters to screen, in factor order as the map iterates (use a LinkedHashMap or Map.of for one). */
        public Builder space(Map<String, Distribution> parameters) {
            this.space = new LinkedHashMap<>(parameters);
            return this;
        }

        /**
         * The parameters the objective suggests, in the order it suggests them: the objective is run
         * once on a private in-memory study (random values from this builder's seed), and that run is
         * discarded. Conditional parameters that run did not reach are not screened.
         *
         * @throws IllegalArgumentException if the objective suggested nothing
         */
        public Builder spaceOf(nas.api.Objective objective) {
            nas.api.Study probe = nas.api.Studies.builder().sampler(new RandomSampler(seed)).create();
            nas.api.Trial trial = probe.ask();
            String failure = null;
            try {
                objective.evaluate(trial);
            } catch (Exception e) {
                failure = e.toString(); // pruned or failed: what it suggested until then still counts
            }
            if (trial.distributions().isEmpty()) {
                throw new IllegalArgumentException("the objective suggested no parameter, so there is nothing to screen"
                        + (failure == null ? "" : " (it threw " + failure + ")"));
            }
            return space(trial.distributions());
        }

        /**
         * @throws IllegalArgumentException for bad levels, trajectories or pool, or without a space
         */
        public MorrisSampler build() {
            if (space == null) {
                throw new IllegalArgumentException("a Morris sampler needs its parameters: space(...) or spaceOf(objective)");
            }
            return new MorrisSampler(space, levels, trajectories, candidatePool, seed, true);
        }
    }

    /** The design this sampler walks. */
    public MorrisDesign design() {
        return design;
    }

    /** The screened parameters, in design (factor) order. */
    public List<String> parameters() {
        return names;
    }

    /** Number of trials the design needs, {@code r (k + 1)}. */
    public int designSize() {
        return design().size();
    }

    /**
     * Design points not yet handed to a trial in {@code study}: those numbered past its last trial (or
     * the whole design, before any trial reached it).
     */
    public int remaining(StudyView study) {
        Object first = storedFirstTrial(study.systemAttrs().get(DESIGN_ATTR));
        if (first instanceof Number n) {
            int handedOut = study.trials().size() - n.intValue(); // trials are numbered 0, 1, ... without gaps
            return Math.max(0, designSize() - Math.max(0, handedOut));
        }
        return Math.max(0, designSize() - next(study));
    }

    private static Object storedFirstTrial(Object design) {
        return design instanceof Map<?, ?> m ? m.get(FIRST_TRIAL_KEY) : null;
    }

    private static int next(StudyView study) {
        Object v = study.systemAttrs().get(NEXT_ATTR);
        return v == null ? 0 : ((Number) v).intValue();
    }

    /** The settings stored in the study, as a JSON-compatible map. */
    Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parameters", new ArrayList<>(names));
        m.put("levels", (long) levels);
        m.put("trajectories", (long) trajectories);
        m.put("candidate_pool", (long) candidatePool);
        m.put("seed", seed);
        return m;
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
        return space;
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
        if (trial.systemAttrs().containsKey(FrozenTrial.FIXED_PARAMS)) {
            return Map.of(); // its fixed values would override the point's: it takes none
        }
        Object first = storedFirstTrial(registerDesign(study, trial.number()));
        int index = first instanceof Number n ? trial.number() - n.intValue() : claimPoint(study);
        if (index < 0 || index >= designSize()) {
            return Map.of(); // before the design, or past its end: independent random sampling
        }
        study.setTrialSystemAttr(trial.id(), POINT_ATTR, (long) index);
        double[] x = design.point(index);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int p = 0; p < names.size(); p++) {
            out.put(names.get(p), toInternal(p, x[p]));
        }
        return out;
    }

    /**
     * The design stored in the study; stored first, with trial {@code number} as its first trial, if
     * none is. Trial {@code number} waits for the earlier trials of its loop first: one of them that
     * reaches the design starts it instead, whatever the threads' timing.
     */
    private Map<?, ?> registerDesign(StudyView study, int number) {
        Object stored = study.systemAttrs().get(DESIGN_ATTR);
        if (stored == null) {
            study.awaitFinished(number - 1);
            Map<String, Object> mine = settings();
            mine.put(FIRST_TRIAL_KEY, (long) chooseFirstTrial(study, number));
            study.compareAndSetSystemAttr(DESIGN_ATTR, null, mine); // loses only to another process
            stored = study.systemAttrs().get(DESIGN_ATTR);
        }
        Map<String, Object> storedSettings = new LinkedHashMap<>();
        ((Map<?, ?>) stored).forEach((k, v) -> storedSettings.put((String) k, v));
        storedSettings.remove(FIRST_TRIAL_KEY);
        if (!settings().equals(storedSettings)) {
            throw new IllegalStateException("study '" + study.name() + "' already runs the Morris design "
                    + storedSettings + "; this sampler has " + settings());
        }
        return (Map<?, ?>) stored;
    }

    /**
     * The design's first trial when trial {@code number} finds none: the lowest-numbered trial that is
     * still running, has no parameters and none fixed, so may be about to reach the design too (another
     * process's, or this process's without the lag; with the lag, this loop's earlier trials have
     * finished and later ones wait, so it is {@code number}).
     */
    private static int chooseFirstTrial(StudyView study, int number) {
        int first = number;
        for (FrozenTrial t : study.trials(TrialState.RUNNING)) {
            if (t.number() < first && t.params().isEmpty() && !t.systemAttrs().containsKey(FrozenTrial.FIXED_PARAMS)) {
                first = t.number();
            }
        }
        return first;
    }

    /** Claims the next point of a design stored without a first trial; -1 when it is used up. */
    private int claimPoint(StudyView study) {
        while (true) {
            Object current = study.systemAttrs().get(NEXT_ATTR);
            int index = current == null ? 0 : ((Number) current).intValue();
            if (index >= designSize()) {
                return -1;
            }
            if (study.compareAndSetSystemAttr(NEXT_ATTR, current, (long) (index + 1))) {
                return index;
            }
        }
    }

    /** Internal value of parameter {@code p} at design coordinate {@code x}. */
    double toInternal(int p, double x) {
        Distribution d = space.get(names.get(p));
        if (d instanceof CategoricalDistribution c) {
            int n = c.choices().size();
            return Math.min(n - 1, (int) Math.floor(x * n));
        }
        if (d instanceof IntDistribution i && !i.log()) {
            long m = (i.high() - i.low()) / i.step() + 1;
            return i.low() + Math.min(m - 1, (long) Math.floor(x * m)) * i.step();
        }
        if (d instanceof FloatDistribution f && f.hasStep()) {
            long m = Math.round((f.high() - f.low()) / f.step()) + 1;
            return f.snap(f.low() + Math.min(m - 1, (long) Math.floor(x * m)) * f.step());
        }
        // Continuous float (linear or log) and log int: a point of the transform's column.
        int c = transform.firstColumn(p);
        double[] v = new double[transform.dimension()];
        v[c] = transform.lower(c) + x * (transform.upper(c) - transform.lower(c));
        return transform.decode(p, v);
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        return RandomSampler.sample(distribution, Seeds.uniform(seed, trial.number(), Seeds.hash(name)));
    }
}
