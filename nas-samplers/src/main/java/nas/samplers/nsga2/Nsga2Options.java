package nas.samplers.nsga2;

import java.util.Locale;
import java.util.function.Function;
import nas.api.FrozenTrial;
import nas.api.Limits;

/**
 * Settings of {@link Nsga2Sampler}. Start from {@link #defaults()} and change fields with the
 * {@code with...} methods; every value is validated when the record is made.
 *
 * @param populationSize  parents per generation and children per generation (mu = lambda), at most
 *                        {@link Limits#MAX_POPULATION}
 * @param crossover       recombination operator; SBX, BLX-alpha and SPX recombine each numeric
 *                        parameter with probability 1/2 and copy the first parent's otherwise
 *                        ({@link PerVariableCrossover}), uniform crossover swaps with {@code swappingProb}
 * @param crossoverProb   probability that a child is recombined rather than copied from a parent
 * @param swappingProb    probability that uniform crossover (and every categorical parameter
 *                        of a recombined child) takes a value from the second parent
 * @param mutationProb    per-parameter mutation probability; NaN = 1 / number of parameters
 * @param mutationEta     distribution index of polynomial mutation
 * @param sbxEta          distribution index of SBX
 * @param blxAlpha        widening factor of BLX-alpha
 * @param spxEpsilon      expansion rate of SPX; NaN = sqrt(parents + 1)
 * @param constraintsFunc constraint values of a finished trial ({@code c <= 0} satisfied), or null;
 *                        deprecated: prefer {@code Trial.setConstraint}, which it overrides when set
 * @param seed            seed of all random choices, or null to use the study's seed
 */
public record Nsga2Options(
        int populationSize,
        CrossoverKind crossover,
        double crossoverProb,
        double swappingProb,
        double mutationProb,
        double mutationEta,
        double sbxEta,
        double blxAlpha,
        double spxEpsilon,
        Function<FrozenTrial, double[]> constraintsFunc,
        Long seed) {

    /** The recombination operators on offer. */
    public enum CrossoverKind {
        /** Simulated binary crossover (Deb and Agrawal 1995), spread set by {@code sbxEta}. */
        SBX,
        /** Uniform crossover: each parameter from the second parent with {@code swappingProb} (the default). */
        UNIFORM,
        /** BLX-α (Eshelman and Schaffer 1993): uniform in the parents' interval widened by {@code blxAlpha}. */
        BLX_ALPHA,
        /** Simplex crossover (Tsutsui et al. 1999) of three parents, expanded by {@code spxEpsilon}. */
        SPX;

        /** Parses {@code sbx}, {@code uniform}, {@code blx-alpha} (or {@code blxalpha}, {@code blx}), {@code spx}. */
        public static CrossoverKind parse(String text) {
            switch (text.trim().toLowerCase(Locale.ROOT).replace("_", "-")) {
                case "sbx": return SBX;
                case "uniform": return UNIFORM;
                case "blx-alpha": case "blxalpha": case "blx": return BLX_ALPHA;
                case "spx": return SPX;
                default:
                    throw new IllegalArgumentException(
                            "crossover must be one of sbx, uniform, blx-alpha, spx, but got '" + text + "'");
            }
        }
    }

    /**
     * Checks the settings; building the chosen crossover checks its own parameters.
     *
     * @throws IllegalArgumentException for a populationSize outside [2, {@link Limits#MAX_POPULATION}] or below
     *         the crossover's parents, a null crossover, a probability outside [0, 1], or a bad eta, alpha or
     *         epsilon
     */
    public Nsga2Options {
        if (populationSize < 2) {
            throw new IllegalArgumentException("populationSize must be >= 2, but got " + populationSize);
        }
        Limits.requireAtMost("populationSize", populationSize, Limits.MAX_POPULATION);
        if (crossover == null) {
            throw new IllegalArgumentException("crossover must not be null");
        }
        Crossover.checkProbability("crossoverProb", crossoverProb);
        Crossover.checkProbability("swappingProb", swappingProb);
        if (!Double.isNaN(mutationProb)) {
            Crossover.checkProbability("mutationProb", mutationProb);
        }
        Crossover.checkEta("mutationEta", mutationEta);
        // Building the operator validates its own parameters.
        Crossover op = crossover(crossover, sbxEta, blxAlpha, spxEpsilon, swappingProb);
        if (op.parents() > populationSize) {
            throw new IllegalArgumentException(crossover + " needs " + op.parents()
                    + " parents, so populationSize must be at least that, but got " + populationSize);
        }
    }

    /**
     * Population 25; uniform crossover with probability 0.9 (swapping 0.5); polynomial mutation
     * with eta 10 at 1/n per parameter. Measured on ZDT1-3 and DTLZ2 at 5,000 trials
     * ({@code scripts/bench.sh Nsga2}): uniform crossover passes whole coordinates of good parents on
     * unchanged (the objectives are sums over separate coordinates) and leaves the fine search to
     * mutation; it beat SBX, BLX-alpha and SPX while those kept their children off the bounds. Now
     * that they set a child past a bound to it, BLX-alpha is level with it or slightly ahead (ZDT1
     * 0.863 against 0.857, ZDT2 0.528 against 0.518, DTLZ2 0.771 against 0.770). What held ZDT2 at 89% of its optimal
     * hypervolume with population 50 was the distance to the front: after 100 generations the best
     * point still had g = 1.017, which alone costs 0.023 of the optimum's 0.543; population 25 runs
     * twice the generations (ZDT2 95%, g = 1.007). Mutation eta trades ZDT2's spread (a large eta
     * loses the f1 = 1 end of its concave front: eta 20, ZDT2 0.46 with population 20) against
     * DTLZ2's convergence to x = 0.5 (eta 5: 94.4%); 10 keeps both at 95%. (DEAP's eta 20 lifts every
     * crossover on DTLZ2 but costs ZDT2: SBX 0.494 → 0.376 with the former bound-aware SBX.)
     */
    public static Nsga2Options defaults() {
        return new Nsga2Options(25, CrossoverKind.UNIFORM, 0.9, 0.5, Double.NaN, 10.0, 20.0, 0.5, Double.NaN, null, null);
    }

    /**
     * The same settings with {@code v} parents and {@code v} children per generation: a larger population
     * keeps more of the front at once but runs fewer generations in the same trials.
     *
     * @param v the population size (2 to {@link Limits#MAX_POPULATION}; default 25)
     * @return the same settings with that population
     */
    public Nsga2Options withPopulationSize(int v) {
        return new Nsga2Options(v, crossover, crossoverProb, swappingProb, mutationProb, mutationEta, sbxEta, blxAlpha,
                spxEpsilon, constraintsFunc, seed);
    }

    /**
     * The same settings with recombination operator {@code v}.
     *
     * @param v the operator (default {@link CrossoverKind#UNIFORM})
     * @return the same settings with that operator
     */
    public Nsga2Options withCrossover(CrossoverKind v) {
        return new Nsga2Options(populationSize, v, crossoverProb, swappingProb, mutationProb, mutationEta, sbxEta,
                blxAlpha, spxEpsilon, constraintsFunc, seed);
    }

    /**
     * The same settings recombining a child with probability {@code v} (else it copies a parent).
     *
     * @param v the crossover probability, in [0, 1] (default 0.9)
     * @return the same settings with that probability
     */
    public Nsga2Options withCrossoverProb(double v) {
        return new Nsga2Options(populationSize, crossover, v, swappingProb, mutationProb, mutationEta, sbxEta, blxAlpha,
                spxEpsilon, constraintsFunc, seed);
    }

    /**
     * The same settings taking a value from the second parent with probability {@code v}, in uniform crossover
     * and for every categorical parameter of a recombined child.
     *
     * @param v the swapping probability, in [0, 1] (default 0.5)
     * @return the same settings with that probability
     */
    public Nsga2Options withSwappingProb(double v) {
        return new Nsga2Options(populationSize, crossover, crossoverProb, v, mutationProb, mutationEta, sbxEta, blxAlpha,
                spxEpsilon, constraintsFunc, seed);
    }

    /** Per-parameter mutation probability; NaN restores the default 1 / number of parameters. */
    public Nsga2Options withMutationProb(double v) {
        return new Nsga2Options(populationSize, crossover, crossoverProb, swappingProb, v, mutationEta, sbxEta, blxAlpha,
                spxEpsilon, constraintsFunc, seed);
    }

    /**
     * The same settings with distribution index η_m of polynomial mutation (Deb and Goyal 1996): a larger η_m
     * keeps a mutated value nearer its parent's.
     *
     * @param v the distribution index (finite, ≥ 0; default 10)
     * @return the same settings with that index
     */
    public Nsga2Options withMutationEta(double v) {
        return new Nsga2Options(populationSize, crossover, crossoverProb, swappingProb, mutationProb, v, sbxEta, blxAlpha,
                spxEpsilon, constraintsFunc, seed);
    }

    /**
     * The same settings with distribution index η_c of simulated binary crossover (Deb and Agrawal 1995): a
     * larger η_c makes children nearer their parents. Used by {@link CrossoverKind#SBX} only.
     *
     * @param v the distribution index (finite, ≥ 0; default 20)
     * @return the same settings with that index
     */
    public Nsga2Options withSbxEta(double v) {
        return new Nsga2Options(populationSize, crossover, crossoverProb, swappingProb, mutationProb, mutationEta, v,
                blxAlpha, spxEpsilon, constraintsFunc, seed);
    }

    /**
     * The same settings with BLX-α's widening factor α (Eshelman and Schaffer 1993): a child is drawn from the
     * parents' interval widened by α times its length on each side. Used by {@link CrossoverKind#BLX_ALPHA} only.
     *
     * @param v α (finite, ≥ 0; default 0.5)
     * @return the same settings with that factor
     */
    public Nsga2Options withBlxAlpha(double v) {
        return new Nsga2Options(populationSize, crossover, crossoverProb, swappingProb, mutationProb, mutationEta, sbxEta,
                v, spxEpsilon, constraintsFunc, seed);
    }

    /**
     * The same settings with SPX's expansion rate ε (Tsutsui et al. 1999): the simplex of the parents is
     * expanded ε times about its centre before a child is drawn in it. Used by {@link CrossoverKind#SPX} only.
     *
     * @param v ε (positive; NaN, the default, is the paper's sqrt(parents + 1) = 2)
     * @return the same settings with that rate
     */
    public Nsga2Options withSpxEpsilon(double v) {
        return new Nsga2Options(populationSize, crossover, crossoverProb, swappingProb, mutationProb, mutationEta, sbxEta,
                blxAlpha, v, constraintsFunc, seed);
    }

    /**
     * A function giving a finished trial's constraint values.
     *
     * @deprecated set the constraints in the objective with {@code trial.setConstraint(...)}: they are
     *             stored with the trial and every constraint-aware sampler reads them.
     */
    @Deprecated
    public Nsga2Options withConstraints(Function<FrozenTrial, double[]> v) {
        return new Nsga2Options(populationSize, crossover, crossoverProb, swappingProb, mutationProb, mutationEta, sbxEta,
                blxAlpha, spxEpsilon, v, seed);
    }

    /** Seeds this sampler's random choices with {@code seed} (the study's seed is then not used). */
    public Nsga2Options withSeed(long seed) {
        return seeded(seed);
    }

    /** Takes the seed from the study ({@code Studies.builder(...).seed(...)}, default 0): the default. */
    public Nsga2Options withStudySeed() {
        return seeded(null);
    }

    /**
     * A seed, or null for the study's.
     *
     * @deprecated use {@link #withSeed(long)} or {@link #withStudySeed()}
     */
    @Deprecated
    public Nsga2Options withSeed(Long v) {
        return seeded(v);
    }

    private Nsga2Options seeded(Long v) {
        return new Nsga2Options(populationSize, crossover, crossoverProb, swappingProb, mutationProb, mutationEta, sbxEta,
                blxAlpha, spxEpsilon, constraintsFunc, v);
    }

    /** The configured crossover operator. */
    public Crossover crossoverOperator() {
        return crossover(crossover, sbxEta, blxAlpha, spxEpsilon, swappingProb);
    }

    /** The variation for a search space of {@code parameters} parameters. */
    Variation variation(int parameters) {
        double pm = Double.isNaN(mutationProb) ? 1.0 / Math.max(1, parameters) : mutationProb;
        return new Variation(crossoverOperator(), crossoverProb, swappingProb, pm, new PolynomialMutation(mutationEta));
    }

    private static Crossover crossover(CrossoverKind kind, double sbxEta, double blxAlpha, double spxEpsilon,
            double swappingProb) {
        return switch (kind) {
            // Deb's SBX recombines each variable with probability 1/2.
            case SBX -> new SbxCrossover(sbxEta, 0.5);
            case UNIFORM -> new UniformCrossover(swappingProb);
            // recombined variable by variable, as SBX
            case BLX_ALPHA -> new PerVariableCrossover(new BlxAlphaCrossover(blxAlpha), 0.5);
            case SPX -> new PerVariableCrossover(new SpxCrossover(spxEpsilon), 0.5);
        };
    }
}
