package nas.samplers.gp;

import java.util.function.Function;
import nas.api.FrozenTrial;
import nas.api.Limits;

/**
 * Settings of {@link GpSampler}, validated at construction.
 *
 * @param nStartupTrials   complete trials from a space-filling start (trial 0 at random, then scrambled
 *                         Sobol points) before the GP takes over
 * @param nCandidates      scrambled Sobol points scored by the acquisition per trial, at most
 *                         {@link Limits#MAX_POPULATION}
 * @param nLocalSearches   best candidates (plus the best trial so far) refined by local search
 * @param constraints      constraint values of a finished trial ({@code c <= 0} satisfied), or null
 *                         to read what the trial recorded with {@code Trial.setConstraint}
 * @param seed             seed of all random choices, or null to use the study's seed
 */
public record GpOptions(int nStartupTrials, int nCandidates, int nLocalSearches,
        Function<FrozenTrial, double[]> constraints, Long seed) {

    /** Validates the counts (see the class comment). */
    public GpOptions {
        if (nStartupTrials < 1) {
            throw new IllegalArgumentException("nStartupTrials must be >= 1, but got " + nStartupTrials);
        }
        if (nCandidates < 1) {
            throw new IllegalArgumentException("nCandidates must be >= 1, but got " + nCandidates);
        }
        Limits.requireAtMost("nCandidates", nCandidates, Limits.MAX_POPULATION);
        if (nLocalSearches < 0) {
            throw new IllegalArgumentException("nLocalSearches must be >= 0, but got " + nLocalSearches);
        }
    }

    /** 10 random start-up trials, 2,048 candidates, 10 local searches. */
    public static GpOptions defaults() {
        return new GpOptions(10, 2048, 10, null, null);
    }

    /** The same options with {@code v} space-filling start-up trials (at least 1). */
    public GpOptions withNStartupTrials(int v) {
        return new GpOptions(v, nCandidates, nLocalSearches, constraints, seed);
    }

    /** The same options scoring {@code v} candidates per trial. */
    public GpOptions withNCandidates(int v) {
        return new GpOptions(nStartupTrials, v, nLocalSearches, constraints, seed);
    }

    /** The same options refining the {@code v} best candidates by local search. */
    public GpOptions withNLocalSearches(int v) {
        return new GpOptions(nStartupTrials, nCandidates, v, constraints, seed);
    }

    /** The same options with a constraint function ({@code c <= 0} satisfied); null reads {@code Trial.setConstraint}. */
    public GpOptions withConstraints(Function<FrozenTrial, double[]> v) {
        return new GpOptions(nStartupTrials, nCandidates, nLocalSearches, v, seed);
    }

    /** Seeds this sampler's random choices with {@code seed} (the study's seed is then not used). */
    public GpOptions withSeed(long seed) {
        return seeded(seed);
    }

    /** Takes the seed from the study ({@code Studies.builder(...).seed(...)}, default 0): the default. */
    public GpOptions withStudySeed() {
        return seeded(null);
    }

    /**
     * A seed, or null for the study's.
     *
     * @deprecated use {@link #withSeed(long)} or {@link #withStudySeed()}
     */
    @Deprecated
    public GpOptions withSeed(Long v) {
        return seeded(v);
    }

    private GpOptions seeded(Long v) {
        return new GpOptions(nStartupTrials, nCandidates, nLocalSearches, constraints, v);
    }
}
