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
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.distribution.IntDistribution;
import nas.api.distribution.SearchSpaceTransform;
import nas.api.sampler.RandomSampler;
import nas.api.sampler.Sampler;

/**
 * Runs a {@link MorrisDesign} as a study: each trial takes the next point of the design.
 *
 * <p><b>Where the design lives.</b> The design is a pure function of (parameters, levels, trajectories,
 * candidate pool, seed); those settings are written once to the study system attribute {@value #DESIGN_ATTR}
 * and a sampler with other settings is refused on that study. The next free point is the study attribute
 * {@value #NEXT_ATTR}, claimed with a compare-and-set, so several workers on one study share the design and
 * a restarted process continues where the study stopped. Each trial records its point in the trial system
 * attribute {@value #POINT_ATTR}; the analysis ({@code nas.analysis.importance.MorrisImportance}) reads
 * only these attributes and the trials' parameters. A failed trial keeps its point: the analysis skips
 * the two steps that touch it. Once the design is used up, trials are sampled uniformly at random.
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
    /** Study system attribute with the next unclaimed point. */
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
     * @param space         the parameters to screen; the objective must suggest them with these distributions
     * @param levels        grid levels {@code p} (even, at least 2; 4 is customary)
     * @param trajectories  trajectories {@code r} (10-20 is customary)
     * @param candidatePool candidate trajectories for Campolongo's selection; 0 for none
     * @param seed          seed of the design
     */
    public MorrisSampler(Map<String, Distribution> space, int levels, int trajectories, int candidatePool, long seed) {
        if (space.isEmpty()) {
            throw new IllegalArgumentException("the Morris design needs at least one parameter, got none");
        }
        Map<String, Distribution> sorted = new TreeMap<>(space);
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

    /** Design points not yet claimed in {@code study}. */
    public int remaining(StudyView study) {
        return Math.max(0, designSize() - next(study));
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
        registerDesign(study);
        int index = claimPoint(study);
        if (index < 0) {
            return Map.of(); // design used up: independent random sampling
        }
        study.setTrialSystemAttr(trial.id(), POINT_ATTR, (long) index);
        double[] x = design.point(index);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int p = 0; p < names.size(); p++) {
            out.put(names.get(p), toInternal(p, x[p]));
        }
        return out;
    }

    private void registerDesign(StudyView study) {
        Map<String, Object> mine = settings();
        Object stored = study.systemAttrs().get(DESIGN_ATTR);
        if (stored == null && study.compareAndSetSystemAttr(DESIGN_ATTR, null, mine)) {
            return;
        }
        stored = study.systemAttrs().get(DESIGN_ATTR);
        if (!mine.equals(stored)) {
            throw new IllegalStateException("study '" + study.name() + "' already runs the Morris design " + stored
                    + "; this sampler has " + mine);
        }
    }

    /** Claims the next point with a compare-and-set; -1 when the design is used up. */
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
