package nas.samplers.cmaes;

/**
 * Everything a {@link Cma} run must remember between generations, as plain data: enough to
 * rebuild the optimizer after a crash or in another process and draw exactly the same next
 * samples. Serialized by {@link CmaStateCodec}; {@link #FORMAT_VERSION} changes whenever a field
 * is added, removed or changes meaning.
 *
 * <p>The random generator is not part of the state: samples are drawn from generators derived
 * from ({@code seed}, restart, generation, index) or passed in by the caller.
 *
 * @param version format version, {@link #FORMAT_VERSION} when written by this code
 * @param dimension n
 * @param popsize λ of the current run
 * @param separable whether C is kept diagonal (sep-CMA)
 * @param mean distribution mean m
 * @param sigma step size σ
 * @param cov C: the packed upper triangle row by row (n(n+1)/2 values), or its diagonal (n
 *     values) when separable
 * @param eigenvectors B of the last eigendecomposition, row-major n×n (empty when separable)
 * @param eigenvalues the eigenvalues D² of C at the last decomposition
 * @param eigenGeneration generation at which B and D were computed
 * @param pSigma conjugate evolution path p_σ
 * @param pc evolution path p_c
 * @param generation generations told in this run
 * @param asked samples drawn in the current generation by {@link Cma#ask()}
 * @param marginA the diagonal affine scaling A of CMA-ES with margin (empty when unused)
 * @param bestHistory best f of each recent generation, oldest first
 * @param medianHistory median f of each recent generation, oldest first
 * @param worstHistory worst f of each recent generation, oldest first
 * @param seed seed of the run's own sample stream
 * @param sigma0 initial σ of this run
 * @param restarts number of restarts done so far (0 in the first run)
 * @param largeRestarts restarts in the large-population regime (IPOP doubling count; BIPOP's
 *     i_large)
 * @param smallRegime whether this run is a BIPOP small-population run (its evaluations are capped
 *     at half of {@code evalsLarge}, {@link Termination#SMALL_RUN_BUDGET})
 * @param evalsSmall evaluations spent in the small regime's budget: BIPOP's first run and its
 *     small-population runs
 * @param evalsLarge evaluations spent in the large-population runs (and IPOP's first run)
 * @param basePopsize λ of the first run
 * @param baseSigma σ of the first run
 * @param baseMean mean of the first run
 * @param bestF best value seen over all runs, or null before the first tell
 * @param bestX the point (as evaluated) of {@code bestF}, or empty
 */
public record CmaState(
        int version,
        int dimension,
        int popsize,
        boolean separable,
        double[] mean,
        double sigma,
        double[] cov,
        double[] eigenvectors,
        double[] eigenvalues,
        int eigenGeneration,
        double[] pSigma,
        double[] pc,
        int generation,
        int asked,
        double[] marginA,
        double[] bestHistory,
        double[] medianHistory,
        double[] worstHistory,
        long seed,
        double sigma0,
        int restarts,
        int largeRestarts,
        boolean smallRegime,
        long evalsSmall,
        long evalsLarge,
        int basePopsize,
        double baseSigma,
        double[] baseMean,
        Double bestF,
        double[] bestX) {

    /**
     * Version of the field layout written by this code. 2: BIPOP counts its first run in {@code
     * evalsSmall} (1: in {@code evalsLarge}).
     */
    public static final int FORMAT_VERSION = 2;

    /**
     * Checks that the snapshot is of this format version and consistent (dimension, array lengths).
     *
     * @throws IllegalArgumentException for another format version or inconsistent fields
     */
    public CmaState {
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException(
                    "CMA-ES state format version must be " + FORMAT_VERSION + ", got " + version);
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        int n = dimension;
        check("mean", mean, n);
        check("pSigma", pSigma, n);
        check("pc", pc, n);
        check("baseMean", baseMean, n);
        check("eigenvalues", eigenvalues, n);
        check("cov", cov, separable ? n : n * (n + 1) / 2);
        check("eigenvectors", eigenvectors, separable ? 0 : n * n);
        if (marginA.length != 0) {
            check("marginA", marginA, n);
        }
        if (bestX.length != 0) {
            check("bestX", bestX, n);
        }
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and > 0, got " + sigma);
        }
        if (popsize < 2) {
            throw new IllegalArgumentException("popsize must be >= 2, got " + popsize);
        }
        if (medianHistory.length != bestHistory.length || worstHistory.length != bestHistory.length) {
            throw new IllegalArgumentException(
                    "best, median and worst histories must have equal lengths, got "
                            + bestHistory.length + ", " + medianHistory.length + ", " + worstHistory.length);
        }
    }

    private static void check(String name, double[] values, int expected) {
        if (values == null || values.length != expected) {
            throw new IllegalArgumentException(
                    name + " must have " + expected + " values, got "
                            + (values == null ? "null" : values.length));
        }
    }
}
