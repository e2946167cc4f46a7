package nas.samplers.qmc;

/**
 * Settings of {@link QmcSampler}.
 *
 * @param kind     Sobol or Halton
 * @param scramble randomize the sequence from the seed (digital shift / digit permutations)
 * @param seed     seed of the scramble and of independent sampling, or null for the study's seed
 */
public record QmcOptions(QmcSequence.Kind kind, boolean scramble, Long seed) {

    /**
     * Checks the sequence kind.
     *
     * @throws IllegalArgumentException if {@code kind} is null
     */
    public QmcOptions {
        if (kind == null) {
            throw new IllegalArgumentException("kind must be sobol or halton, but got null");
        }
    }

    /** Scrambled Sobol with the study's seed (Optuna's default). */
    public static QmcOptions defaults() {
        return new QmcOptions(QmcSequence.Kind.SOBOL, true, null);
    }

    /**
     * The same settings with sequence {@code k}.
     *
     * @param k Sobol or Halton (default Sobol)
     * @return the same settings with that sequence
     */
    public QmcOptions withKind(QmcSequence.Kind k) {
        return new QmcOptions(k, scramble, seed);
    }

    /**
     * The same settings with or without scrambling: an unscrambled sequence is the same for every seed;
     * scrambling (a digital shift for Sobol, digit permutations for Halton) keeps its low discrepancy while
     * making it random.
     *
     * @param s scramble from the seed (default true)
     * @return the same settings with that choice
     */
    public QmcOptions withScramble(boolean s) {
        return new QmcOptions(kind, s, seed);
    }

    /** Seeds this sampler's random choices with {@code seed} (the study's seed is then not used). */
    public QmcOptions withSeed(long seed) {
        return seeded(seed);
    }

    /** Takes the seed from the study ({@code Studies.builder(...).seed(...)}, default 0): the default. */
    public QmcOptions withStudySeed() {
        return seeded(null);
    }

    /**
     * A seed, or null for the study's.
     *
     * @deprecated use {@link #withSeed(long)} or {@link #withStudySeed()}
     */
    @Deprecated
    public QmcOptions withSeed(Long s) {
        return seeded(s);
    }

    private QmcOptions seeded(Long s) {
        return new QmcOptions(kind, scramble, s);
    }
}
