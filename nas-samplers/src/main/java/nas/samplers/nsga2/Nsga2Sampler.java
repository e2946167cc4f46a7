package nas.samplers.nsga2;

import nas.api.Dominance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import nas.api.FrozenTrial;
import nas.api.Seeds;
import nas.api.StudyDirection;
import nas.api.StudyView;
import nas.api.TrialState;
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.Distribution;
import nas.api.distribution.SearchSpaceTransform;
import nas.api.sampler.IntersectionSearchSpace;
import nas.api.sampler.RandomSampler;
import nas.api.sampler.Sampler;

/**
 * NSGA-II (Deb, Pratap, Agarwal and Meyarivan, IEEE TEVC 6(2), 2002) as a sampler: each trial is
 * one child of the current generation's parents, chosen by binary tournament on (rank, crowding
 * distance) and varied by {@link Variation}; when a generation has {@code populationSize} COMPLETE
 * children, elitist (mu + lambda) survival on parents plus children, by Deb's constrained
 * domination, gives the next parents.
 *
 * <ul>
 *   <li><b>State in storage.</b> The generation, its parents and its completed children live in
 *       the study system attributes {@value #POPULATION_KEY} and {@value #OFFSPRING_KEY}
 *       ({@link GenerationState}), updated by compare-and-set; each trial carries its generation in the system attribute
 *       {@value #GENERATION_KEY}. A study resumes from storage, and several workers fill one
 *       generation: the first {@code populationSize} children to complete make it; later ones
 *       (and PRUNED or FAILED trials) never enter a population. The instance only caches what storage
 *       can always rebuild: the parents' encoded parameters per generation, the trials it saw
 *       complete that may still become parents, and the last parsed attributes.</li>
 *   <li><b>Encoding.</b> Relative sampling covers the parameters every parent has (intersection
 *       search space). Numeric parameters are mapped to [0, 1] through
 *       {@link SearchSpaceTransform} (log-scaled ones through their logarithm, int and stepped ones
 *       widened by half a step) and decoded by rounding onto their grid; categorical ones are
 *       inherited or resampled. Parameters outside that space, and all of generation 0, are
 *       sampled at random.</li>
 *   <li><b>Randomness</b> derives from (seed, trial number) only.</li>
 * </ul>
 */
public final class Nsga2Sampler implements Sampler {

    /** Study system attribute holding the current generation and its parents ({@link GenerationState}). */
    public static final String POPULATION_KEY = "nsga2:population";
    /** Study system attribute holding the COMPLETE children of the current generation so far. */
    public static final String OFFSPRING_KEY = "nsga2:offspring";
    /** Trial system attribute holding the generation a trial was sampled for. */
    public static final String GENERATION_KEY = "nsga2:generation";
    /** Trial system attribute holding constraint values; the same as {@link FrozenTrial#CONSTRAINTS}. */
    public static final String CONSTRAINTS_KEY = FrozenTrial.CONSTRAINTS;

    private static final long SALT = Seeds.hash("nsga2");

    private final Nsga2Options options;
    private final Map<Long, Parents> cache = new ConcurrentHashMap<>();
    /** Last attribute object parsed and its parse; storages hand out the same object while it is unchanged. */
    private volatile Parsed lastPopulation = new Parsed(null, GenerationState.EMPTY);
    private volatile Parsed lastOffspring = new Parsed(null, GenerationState.EMPTY);

    private record Parsed(Object raw, GenerationState state) {}

    /** COMPLETE trials this process saw that may still become parents, by study and number (a cache of storage). */
    private final Map<Long, Map<Integer, Completed>> completed = new ConcurrentHashMap<>();

    private record Completed(int generation, FrozenTrial trial) {}

    public Nsga2Sampler() {
        this(Nsga2Options.defaults());
    }

    public Nsga2Sampler(Nsga2Options options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
    }

    public Nsga2Options options() {
        return options;
    }

    /**
     * Continues a study that another sampler began: while the study has no NSGA-II population, the
     * first parents are chosen from its COMPLETE {@code trials} by the same elitist survival that
     * ends a generation, so NSGA-II breeds from the best of them instead of starting at random.
     * Does nothing once a population exists (of concurrent callers, one wins the compare-and-set).
     */
    public void startFrom(StudyView study, List<FrozenTrial> trials) {
        if (study.systemAttrs().get(POPULATION_KEY) != null) {
            return;
        }
        List<StudyDirection> directions = study.directions();
        List<GenerationState.Member> members = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.COMPLETE && t.values().size() == directions.size()) {
                double[] minimized = new double[directions.size()];
                for (int m = 0; m < minimized.length; m++) {
                    minimized[m] = directions.get(m).toMinimization(t.values().get(m));
                }
                members.add(new GenerationState.Member(t.number(), t.constraintViolation(), minimized));
            }
        }
        if (members.isEmpty()) {
            return;
        }
        GenerationState first = GenerationState.survivors(GenerationState.EMPTY,
                new GenerationState(0, List.copyOf(members)), options.populationSize());
        study.compareAndSetSystemAttr(POPULATION_KEY, null, first.toJson());
    }

    @Override
    public void beforeTrial(StudyView study, FrozenTrial trial) {
        int generation = population(study.systemAttrs()).generation();
        study.setTrialSystemAttr(trial.id(), GENERATION_KEY, (long) generation);
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
        GenerationState state = population(study.systemAttrs());
        if (state.members().isEmpty()) {
            return Map.of();
        }
        return parents(study, state).space;
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
        GenerationState state = population(study.systemAttrs());
        if (state.members().isEmpty() || searchSpace.isEmpty()) {
            return Map.of();
        }
        Parents parents = parents(study, state);
        Encoded encoded = parents.encode(searchSpace);
        // The generation may have moved on since beforeTrial (another worker completed it): the
        // child belongs to the parents it came from.
        if (state.generation() != generationOf(trial)) {
            study.setTrialSystemAttr(trial.id(), GENERATION_KEY, (long) state.generation());
        }
        SplittableRandom rng = Seeds.random(seed(study), trial.number(), SALT);
        Variation variation = options.variation(searchSpace.size());
        int k = variation.crossover().parents();
        double[][] numericParents = new double[k][];
        int[][] categoricalParents = new int[k][];
        for (int j = 0; j < k; j++) {
            int p = Selection.tournament(encoded.rank, encoded.crowding, rng);
            numericParents[j] = encoded.numeric[p];
            categoricalParents[j] = encoded.categorical[p];
        }
        double[] unit = new double[encoded.transform.dimension()];
        int[] categories = new int[encoded.categoricalNames.size()];
        variation.child(numericParents, categoricalParents, encoded.categorySizes, unit, categories, rng);

        Map<String, Double> out = new LinkedHashMap<>();
        double[] x = new double[unit.length];
        for (int c = 0; c < unit.length; c++) {
            x[c] = encoded.transform.lower(c) + unit[c] * (encoded.transform.upper(c) - encoded.transform.lower(c));
        }
        for (int p = 0; p < encoded.transform.names().size(); p++) {
            out.put(encoded.transform.names().get(p), encoded.transform.decode(p, x));
        }
        for (int j = 0; j < categories.length; j++) {
            out.put(encoded.categoricalNames.get(j), (double) categories[j]);
        }
        return out;
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        return RandomSampler.sample(distribution, Seeds.uniform(seed(study), trial.number(), Seeds.hash(name)));
    }

    @Override
    public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
        int generation = generationOf(trial);
        if (state != TrialState.COMPLETE) {
            return; // pruned and failed trials never enter a population
        }
        // constraints set in the trial (Trial.setConstraint); the deprecated function overrides them
        double violation = trial.constraintViolation();
        if (options.constraintsFunc() != null) {
            double[] constraints = options.constraintsFunc().apply(trial.withStateAndValues(state, values));
            if (constraints == null) {
                throw new IllegalArgumentException("constraintsFunc returned null for trial " + trial.number());
            }
            violation = Dominance.violation(constraints);
            study.setTrialSystemAttr(trial.id(), CONSTRAINTS_KEY, constraints);
        }
        if (generation < 0) {
            return; // not sampled by this sampler
        }
        List<StudyDirection> directions = study.directions();
        double[] minimized = new double[values.size()];
        for (int m = 0; m < minimized.length; m++) {
            minimized[m] = directions.get(m).toMinimization(values.get(m));
        }
        GenerationState.Member child = new GenerationState.Member(trial.number(), violation, minimized);
        completed.computeIfAbsent(study.id(), k -> new ConcurrentHashMap<>())
                .put(trial.number(), new Completed(generation, trial));
        while (true) {
            Map<String, Object> attrs = study.systemAttrs();
            Object rawPopulation = attrs.get(POPULATION_KEY);
            Object rawOffspring = attrs.get(OFFSPRING_KEY);
            GenerationState population = population(attrs);
            if (population.generation() != generation) {
                return; // a straggler: its generation is already complete
            }
            GenerationState offspring = offspring(attrs);
            if (offspring.generation() != generation) {
                offspring = new GenerationState(generation, List.of());
            }
            if (offspring.contains(trial.number())) {
                return;
            }
            GenerationState more = offspring.with(child);
            if (more.members().size() < options.populationSize()) {
                if (study.compareAndSetSystemAttr(OFFSPRING_KEY, rawOffspring, more.toJson())) {
                    return;
                }
                continue;
            }
            // This child completes the generation: select the next population. Whoever replaces
            // the population first wins; a concurrent completer then sees a newer generation.
            GenerationState next = GenerationState.survivors(population, more, options.populationSize());
            if (study.compareAndSetSystemAttr(POPULATION_KEY, rawPopulation, next.toJson())) {
                // Only if no child of the new generation got in first (it would see the stale
                // offspring as empty and replace them itself).
                study.compareAndSetSystemAttr(OFFSPRING_KEY, rawOffspring,
                        new GenerationState(next.generation(), List.of()).toJson());
                return;
            }
        }
    }

    private GenerationState population(Map<String, Object> attrs) {
        Object raw = attrs.get(POPULATION_KEY);
        Parsed last = lastPopulation;
        if (last.raw() != raw || raw == null) {
            last = new Parsed(raw, GenerationState.parse(raw));
            lastPopulation = last;
        }
        return last.state();
    }

    private GenerationState offspring(Map<String, Object> attrs) {
        Object raw = attrs.get(OFFSPRING_KEY);
        Parsed last = lastOffspring;
        if (last.raw() != raw || raw == null) {
            last = new Parsed(raw, GenerationState.parse(raw));
            lastOffspring = last;
        }
        return last.state();
    }

    private long seed(StudyView study) {
        return options.seed() != null ? options.seed() : study.seed();
    }

    /** The generation a trial was sampled for, or -1 when this sampler did not tag it. */
    private static int generationOf(FrozenTrial trial) {
        Object g = trial.systemAttrs().get(GENERATION_KEY);
        return g instanceof Number n ? n.intValue() : -1;
    }

    /** The parents of a generation, loaded from storage once per generation and study. */
    private Parents parents(StudyView study, GenerationState state) {
        Parents cached = cache.get(study.id());
        if (cached != null && cached.generation == state.generation() && cached.sameMembers(state.members())) {
            return cached;
        }
        // Parents this process saw complete are at hand; only others (another process's, or
        // before a restart) need a pass over the study's trials.
        Map<Integer, Completed> known = completed.getOrDefault(study.id(), Map.of());
        Map<Integer, FrozenTrial> byNumber = new HashMap<>();
        boolean missing = false;
        for (GenerationState.Member m : state.members()) {
            Completed c = known.get(m.number());
            byNumber.put(m.number(), c == null ? null : c.trial());
            missing |= c == null;
        }
        if (missing) {
            for (FrozenTrial t : study.trials(TrialState.COMPLETE)) {
                if (byNumber.containsKey(t.number()) && byNumber.get(t.number()) == null) {
                    byNumber.put(t.number(), t);
                }
            }
        }
        List<FrozenTrial> trials = new ArrayList<>();
        for (GenerationState.Member m : state.members()) {
            FrozenTrial t = byNumber.get(m.number());
            if (t == null) {
                throw new IllegalStateException("NSGA-II parent trial " + m.number() + " of generation "
                        + state.generation() + " is not a COMPLETE trial of study '" + study.name() + "'");
            }
            trials.add(t);
        }
        Parents fresh = new Parents(state.generation(), state.members(), trials);
        cache.put(study.id(), fresh);
        // Keep only what can still become a parent: this population and children of this
        // generation or later.
        known.entrySet().removeIf(e -> e.getValue().generation() < state.generation()
                && !byNumber.containsKey(e.getKey()));
        return fresh;
    }

    /** One generation's parents with their search space and (lazily) their encoding. */
    private static final class Parents {
        final int generation;
        final List<GenerationState.Member> members;
        final List<FrozenTrial> trials;
        final Map<String, Distribution> space;
        volatile Encoded encoded;

        Parents(int generation, List<GenerationState.Member> members, List<FrozenTrial> trials) {
            this.generation = generation;
            this.members = members;
            this.trials = trials;
            this.space = IntersectionSearchSpace.ofSampleable(trials);
        }

        boolean sameMembers(List<GenerationState.Member> other) {
            if (other.size() != members.size()) {
                return false;
            }
            for (int i = 0; i < other.size(); i++) {
                if (other.get(i).number() != members.get(i).number()) {
                    return false;
                }
            }
            return true;
        }

        Encoded encode(Map<String, Distribution> searchSpace) {
            Encoded e = encoded;
            if (e == null || !e.space.equals(searchSpace)) {
                e = new Encoded(searchSpace, trials, members);
                encoded = e;
            }
            return e;
        }
    }

    /** Parents in the unit cube (numeric) and as category indices, with their rank and crowding distance. */
    private static final class Encoded {
        final Map<String, Distribution> space;
        final SearchSpaceTransform transform;
        final List<String> categoricalNames = new ArrayList<>();
        final int[] categorySizes;
        final double[][] numeric;
        final int[][] categorical;
        final int[] rank;
        final double[] crowding;

        Encoded(Map<String, Distribution> space, List<FrozenTrial> trials, List<GenerationState.Member> members) {
            this.space = space;
            Map<String, Distribution> numericSpace = new TreeMap<>();
            List<Integer> sizes = new ArrayList<>();
            for (Map.Entry<String, Distribution> e : new TreeMap<>(space).entrySet()) {
                if (e.getValue() instanceof CategoricalDistribution c) {
                    categoricalNames.add(e.getKey());
                    sizes.add(c.choices().size());
                } else {
                    numericSpace.put(e.getKey(), e.getValue());
                }
            }
            this.categorySizes = sizes.stream().mapToInt(Integer::intValue).toArray();
            this.transform = new SearchSpaceTransform(numericSpace);
            int n = trials.size();
            this.numeric = new double[n][];
            this.categorical = new int[n][categoricalNames.size()];
            double[][] values = new double[n][];
            double[] violations = new double[n];
            for (int i = 0; i < n; i++) {
                FrozenTrial t = trials.get(i);
                double[] x = transform.transform(t.internalParams());
                for (int c = 0; c < x.length; c++) {
                    double lo = transform.lower(c);
                    double hi = transform.upper(c);
                    x[c] = Math.min(1.0, Math.max(0.0, (x[c] - lo) / (hi - lo)));
                }
                numeric[i] = x;
                for (int j = 0; j < categoricalNames.size(); j++) {
                    categorical[i][j] = (int) (double) t.internalParams().get(categoricalNames.get(j));
                }
                values[i] = members.get(i).values();
                violations[i] = members.get(i).violation();
            }
            this.rank = NonDominatedSort.ranks(values, violations);
            this.crowding = Selection.crowdingByFront(values, rank);
        }
    }
}
