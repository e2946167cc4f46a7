package nas.samplers.nsga2;

import nas.api.Dominance;
import java.util.ArrayList;
import java.util.Arrays;
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
 * one child of its generation's parents, chosen by binary tournament on (rank, crowding distance)
 * and varied by {@link Variation}; elitist (mu + lambda) survival on parents plus the previous
 * generation's COMPLETE trials, by Deb's constrained domination, gives each generation's parents.
 *
 * <ul>
 *   <li><b>Generations are blocks of trial numbers.</b> Trial n belongs to generation
 *       {@code g = n / populationSize}. Generation 0 is sampled at random; the parents of
 *       generation g are the survivors of generation g − 1's parents and of the COMPLETE trials
 *       numbered in generation g − 1's block (whatever sampled them: enqueued trials and another
 *       sampler's trials take part; PRUNED and FAILED ones do not). A child is a function of the
 *       seed, its number and those parents, and the parents are bred only once every trial of the
 *       previous block that this process runs has finished ({@link StudyView#awaitFinished}), so
 *       with J worker threads the study is the same on every run and the same as with one. The
 *       blocks are read with {@link StudyView#awaitTrials}, which a lagged view does not cut short,
 *       so a study stopped mid-generation and resumed with threads continues as if never stopped.</li>
 *   <li><b>State</b> is a function of the stored trials: a resumed study, or another process,
 *       rebuilds it from them. A process caches the last generations' parents and the trials it saw
 *       finish; it reads the study's trials only for what it did not see (another process's, or
 *       before a restart). A trial of the previous block still running in another process is left
 *       out of the parents that process computes, so several processes are not reproducible. The
 *       newest parents are also written to the study system attribute {@value #POPULATION_KEY}
 *       ({@link GenerationState}) for inspection; each trial records its generation in
 *       {@value #GENERATION_KEY}.</li>
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

    /** Study system attribute holding the newest generation's parents ({@link GenerationState}), for inspection. */
    public static final String POPULATION_KEY = "nsga2:population";
    /** Trial system attribute holding the generation a trial was sampled for ({@code number / populationSize}). */
    public static final String GENERATION_KEY = "nsga2:generation";
    /** Trial system attribute holding constraint values; the same as {@link FrozenTrial#CONSTRAINTS}. */
    public static final String CONSTRAINTS_KEY = FrozenTrial.CONSTRAINTS;

    private static final long SALT = Seeds.hash("nsga2");
    /** Generations of parents kept per study: a late trial of an older generation finds its parents. */
    private static final int KEPT_GENERATIONS = 3;

    private final Nsga2Options options;
    private final Map<Long, StudyState> states = new ConcurrentHashMap<>();

    /** One finished trial as this sampler saw it: the member it makes (null unless COMPLETE) and its parameters. */
    private record Finished(GenerationState.Member member, FrozenTrial trial) {}

    /** What this process knows of one study. Guarded by itself. */
    private static final class StudyState {
        /** Finished trials of blocks not yet folded into parents, by number. */
        final Map<Integer, Finished> finished = new HashMap<>();
        /** Parents by generation, the newest {@value #KEPT_GENERATIONS}. */
        final TreeMap<Integer, Parents> parents = new TreeMap<>();
    }

    /** NSGA-II with {@link Nsga2Options#defaults()} and the study's seed. */
    public Nsga2Sampler() {
        this(Nsga2Options.defaults());
    }

    /**
     * NSGA-II with these settings.
     *
     * @param options the settings
     * @throws IllegalArgumentException if {@code options} is null
     */
    public Nsga2Sampler(Nsga2Options options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
    }

    /**
     * The settings this sampler runs with.
     *
     * @return the settings
     */
    public Nsga2Options options() {
        return options;
    }

    private int populationSize() {
        return options.populationSize();
    }

    @Override
    public void beforeTrial(StudyView study, FrozenTrial trial) {
        study.setTrialSystemAttr(trial.id(), GENERATION_KEY, (long) (trial.number() / populationSize()));
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
        Parents parents = parentsOf(study, trial.number() / populationSize());
        return parents.members.isEmpty() ? Map.of() : parents.space;
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
        Parents parents = parentsOf(study, trial.number() / populationSize());
        if (parents.members.isEmpty() || searchSpace.isEmpty()) {
            return Map.of();
        }
        Encoded encoded = parents.encode(searchSpace);
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
        for (int j = 0; j < k; j++) {
            if (Arrays.equals(unit, numericParents[j]) && Arrays.equals(categories, categoricalParents[j])) {
                // A copy of a parent (no recombination, or of equal values, and no mutation) would spend
                // a trial on a point already evaluated: mutate one parameter (duplicate elimination).
                variation.mutateOne(unit, categories, encoded.categorySizes, rng);
                break;
            }
        }

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
        GenerationState.Member member = null;
        if (state == TrialState.COMPLETE) {
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
            member = member(study.directions(), trial.number(), violation, values);
        }
        StudyState known = states.computeIfAbsent(study.id(), k -> new StudyState());
        synchronized (known) {
            Integer newest = known.parents.isEmpty() ? null : known.parents.lastKey();
            if (newest == null || trial.number() >= (newest - 1) * populationSize()) {
                known.finished.put(trial.number(), new Finished(member, trial));
            }
        }
    }

    private static GenerationState.Member member(List<StudyDirection> directions, int number, double violation,
            List<Double> values) {
        double[] minimized = new double[values.size()];
        for (int m = 0; m < minimized.length; m++) {
            minimized[m] = directions.get(m).toMinimization(values.get(m));
        }
        return new GenerationState.Member(number, violation, minimized);
    }

    private long seed(StudyView study) {
        return options.seed() != null ? options.seed() : study.seed();
    }

    /**
     * The parents of {@code generation}: survivors of the previous generation's parents and the
     * COMPLETE trials of its block, after waiting for that block's trials run here.
     */
    private Parents parentsOf(StudyView study, int generation) {
        if (generation == 0) {
            return Parents.NONE;
        }
        StudyState known = states.computeIfAbsent(study.id(), k -> new StudyState());
        synchronized (known) {
            Parents cached = known.parents.get(generation);
            if (cached != null) {
                return cached;
            }
        }
        study.awaitFinished(generation * populationSize() - 1);
        synchronized (known) {
            Parents cached = known.parents.get(generation);
            if (cached != null) {
                return cached;
            }
            Map.Entry<Integer, Parents> from = known.parents.floorEntry(generation - 1);
            Parents parents = from != null ? from.getValue() : Parents.NONE;
            Parents result = null;
            boolean loaded = false;
            for (int g = from != null ? from.getKey() : 0; g < generation; g++) {
                int first = g * populationSize();
                int end = first + populationSize();
                if (!loaded && !known.finished.keySet().containsAll(numbers(first, end))) {
                    // trials this process did not see finish: another process's, or before a restart; read
                    // through awaitTrials, as a lagged view's trials() hides the newest of them
                    List<StudyDirection> directions = study.directions();
                    for (FrozenTrial t : study.awaitTrials(first, generation * populationSize() - 1)) {
                        if (t.state().isFinished() && !known.finished.containsKey(t.number())) {
                            GenerationState.Member m = t.state() == TrialState.COMPLETE && t.values().size() == directions.size()
                                    ? member(directions, t.number(), t.constraintViolation(), t.values()) : null;
                            known.finished.put(t.number(), new Finished(m, t));
                        }
                    }
                    loaded = true;
                }
                List<GenerationState.Member> children = new ArrayList<>();
                Map<Integer, FrozenTrial> trials = new HashMap<>();
                for (int n = first; n < end; n++) {
                    Finished f = known.finished.get(n);
                    if (f != null && f.member() != null) {
                        children.add(f.member());
                        trials.put(n, f.trial());
                    }
                }
                parents = parents.next(children, trials, populationSize());
                known.parents.put(g + 1, parents);
                result = parents;
            }
            while (known.parents.size() > KEPT_GENERATIONS) {
                known.parents.pollFirstEntry();
            }
            int oldest = (known.parents.lastKey() - 1) * populationSize();
            known.finished.keySet().removeIf(n -> n < oldest);
            publish(study, known.parents.lastEntry().getValue());
            return result;
        }
    }

    private static List<Integer> numbers(int from, int to) {
        List<Integer> out = new ArrayList<>(to - from);
        for (int n = from; n < to; n++) {
            out.add(n);
        }
        return out;
    }

    /** Writes the parents to {@value #POPULATION_KEY} unless a newer generation's are there. */
    private static void publish(StudyView study, Parents parents) {
        while (true) {
            Object raw = study.systemAttrs().get(POPULATION_KEY);
            if (raw != null && GenerationState.parse(raw).generation() >= parents.generation) {
                return;
            }
            if (study.compareAndSetSystemAttr(POPULATION_KEY, raw, parents.state().toJson())) {
                return;
            }
        }
    }

    /** One generation's parents with their search space and (lazily) their encoding. */
    private static final class Parents {
        static final Parents NONE = new Parents(0, List.of(), List.of());

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

        GenerationState state() {
            return new GenerationState(generation, members);
        }

        /** The next generation's parents: elitist survival on these and {@code children} ({@code trials} by number). */
        Parents next(List<GenerationState.Member> children, Map<Integer, FrozenTrial> childTrials, int size) {
            GenerationState survivors = GenerationState.survivors(state(), new GenerationState(generation, children), size);
            Map<Integer, FrozenTrial> byNumber = new HashMap<>(childTrials);
            for (int i = 0; i < members.size(); i++) {
                byNumber.put(members.get(i).number(), trials.get(i));
            }
            List<FrozenTrial> next = new ArrayList<>(survivors.members().size());
            for (GenerationState.Member m : survivors.members()) {
                next.add(byNumber.get(m.number()));
            }
            return new Parents(survivors.generation(), survivors.members(), List.copyOf(next));
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
