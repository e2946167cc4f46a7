package nas.samplers.cmaes;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import nas.api.Seeds;
import nas.api.Statistics;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * CMA-ES with an ask/tell interface on {@code double[]}, minimizing. The update follows N. Hansen,
 * "The CMA Evolution Strategy: A Tutorial" (arXiv:1604.00772, 2016), with the default parameters
 * of {@link CmaParameters}; equation numbers in comments refer to that text. Includes the
 * separable variant (diagonal C) and CMA-ES with margin (R. Hamano, S. Saito, M. Nomura, S.
 * Shirakawa, "CMA-ES with Margin: Lower-Bounding Marginal Probability for Mixed-Integer Black-Box
 * Optimization", GECCO 2022) for discrete coordinates.
 *
 * <p>One instance is one run; restarts build a new run from the stopped one's state ({@link
 * Restarts}). The whole mutable state round-trips through {@link #state()} and {@link
 * #restore(CmaState, CmaConfig)}: a restored instance draws the same samples as the original.
 *
 * <p>Not thread-safe.
 */
public final class Cma {

    /** Draws before falling back to clipping under {@link BoundaryHandling#RESAMPLE}. */
    static final int MAX_RESAMPLING = 100;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    private static final double MAX_SIGMA = 1e32;

    private final CmaConfig config;
    private final CmaParameters params;
    private final int n;
    private final boolean separable;

    private final double[] mean;
    private double sigma;
    private final double[][] c; // full C (null when separable)
    private final double[] cDiag; // diagonal C (null unless separable)
    private final double[][] b; // eigenvectors as columns (null when separable)
    private final double[] d; // sqrt of eigenvalues of C
    private int eigenGeneration;
    private final double[] pSigma;
    private final double[] pc;
    private int generation;
    private int asked;
    private final double[] marginA; // null without margin
    private final History history;

    private final long seed;
    private final double sigma0;
    private final int restarts;
    private final int largeRestarts;
    private final boolean smallRegime;
    private final long evalsSmall;
    private final long evalsLarge;
    private final int basePopsize;
    private final double baseSigma;
    private final double[] baseMean;
    private Double bestF;
    private double[] bestX;

    private final double[] z; // scratch for ask

    private Cma(CmaConfig config, CmaState s) {
        if (config.dimension() != s.dimension()) {
            throw new IllegalArgumentException(
                    "config has dimension " + config.dimension() + " but state has " + s.dimension());
        }
        this.config = config;
        this.n = s.dimension();
        this.separable = s.separable();
        this.params = CmaParameters.of(n, s.popsize(), separable);
        this.mean = s.mean().clone();
        this.sigma = s.sigma();
        this.d = new double[n];
        double[] ev = s.eigenvalues();
        for (int i = 0; i < n; i++) {
            d[i] = Math.sqrt(ev[i]);
        }
        if (separable) {
            this.c = null;
            this.b = null;
            this.cDiag = s.cov().clone();
        } else {
            this.cDiag = null;
            this.c = new double[n][n];
            double[] packed = s.cov();
            int k = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    c[i][j] = packed[k];
                    c[j][i] = packed[k];
                    k++;
                }
            }
            this.b = new double[n][n];
            double[] bv = s.eigenvectors();
            for (int i = 0; i < n; i++) {
                System.arraycopy(bv, i * n, b[i], 0, n);
            }
        }
        this.eigenGeneration = s.eigenGeneration();
        this.pSigma = s.pSigma().clone();
        this.pc = s.pc().clone();
        this.generation = s.generation();
        this.asked = s.asked();
        boolean margin = config.withMargin() && config.hasDiscrete();
        if (margin && s.marginA().length == 0) {
            throw new IllegalArgumentException("config uses margin but the state has no margin scaling");
        }
        this.marginA = margin ? s.marginA().clone() : null;
        this.history =
                new History(historyCapacity(n, s.popsize()), s.bestHistory(), s.medianHistory(),
                        s.worstHistory());
        this.seed = s.seed();
        this.sigma0 = s.sigma0();
        this.restarts = s.restarts();
        this.largeRestarts = s.largeRestarts();
        this.smallRegime = s.smallRegime();
        this.evalsSmall = s.evalsSmall();
        this.evalsLarge = s.evalsLarge();
        this.basePopsize = s.basePopsize();
        this.baseSigma = s.baseSigma();
        this.baseMean = s.baseMean().clone();
        this.bestF = s.bestF();
        this.bestX = s.bestX().clone();
        this.z = new double[n];
    }

    /**
     * A fresh run from mean {@code x0} and step size {@code sigma0} with C = I.
     *
     * @param popsize λ, or 0 for the default 4 + ⌊3 ln n⌋
     */
    public static Cma start(
            double[] x0, double sigma0, int popsize, boolean separable, CmaConfig config, long seed) {
        return new Cma(config, initialState(x0, sigma0, null, popsize, separable, config, seed));
    }

    /** Rebuilds a run from its state; {@code config} must describe the same problem. */
    public static Cma restore(CmaState state, CmaConfig config) {
        return new Cma(config, state);
    }

    /**
     * The state of a fresh run.
     *
     * @param cov0 initial C (symmetric positive definite, n×n), or null for the identity
     * @param popsize λ, or 0 for the default
     */
    public static CmaState initialState(
            double[] x0,
            double sigma0,
            double[][] cov0,
            int popsize,
            boolean separable,
            CmaConfig config,
            long seed) {
        int n = config.dimension();
        if (x0.length != n) {
            throw new IllegalArgumentException(
                    "x0 must have " + n + " values (the config's dimension), got " + x0.length);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x0[i])) {
                throw new IllegalArgumentException("x0 must be finite, x0[" + i + "] = " + x0[i]);
            }
        }
        if (!(sigma0 > 0) || !Double.isFinite(sigma0)) {
            throw new IllegalArgumentException("sigma0 must be finite and > 0, got " + sigma0);
        }
        if (popsize != 0 && popsize < 2) {
            throw new IllegalArgumentException("popsize must be 0 (default) or >= 2, got " + popsize);
        }
        int lambda = popsize == 0 ? CmaParameters.defaultPopulationSize(n) : popsize;
        return freshRun(
                x0, sigma0, cov0, lambda, separable, config, seed, 0, 0, false, 0, 0, lambda, sigma0,
                x0.clone(), null, new double[0]);
    }

    /** A new run that keeps the restart bookkeeping given (used by {@link Restarts}). */
    static CmaState freshRun(
            double[] x0,
            double sigma0,
            double[][] cov0,
            int lambda,
            boolean separable,
            CmaConfig config,
            long seed,
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
        int n = config.dimension();
        double[] cov;
        double[] eigenvectors;
        double[] eigenvalues = new double[n];
        if (cov0 == null) {
            Arrays.fill(eigenvalues, 1.0);
            if (separable) {
                cov = eigenvalues.clone();
                eigenvectors = new double[0];
            } else {
                cov = new double[n * (n + 1) / 2];
                eigenvectors = new double[n * n];
                int k = 0;
                for (int i = 0; i < n; i++) {
                    eigenvectors[i * n + i] = 1;
                    for (int j = i; j < n; j++) {
                        cov[k++] = i == j ? 1 : 0;
                    }
                }
            }
        } else {
            if (cov0.length != n) {
                throw new IllegalArgumentException("cov0 must be " + n + "x" + n + ", got " + cov0.length);
            }
            if (separable) {
                cov = new double[n];
                for (int i = 0; i < n; i++) {
                    cov[i] = cov0[i][i];
                    if (!(cov[i] > 0)) {
                        throw new IllegalArgumentException("cov0 must be positive definite, cov0[" + i + "]["
                                + i + "] = " + cov[i]);
                    }
                }
                eigenvalues = cov.clone();
                eigenvectors = new double[0];
            } else {
                double[][] sym = new double[n][n];
                cov = new double[n * (n + 1) / 2];
                int k = 0;
                for (int i = 0; i < n; i++) {
                    if (cov0[i].length != n) {
                        throw new IllegalArgumentException("cov0 must be " + n + "x" + n);
                    }
                    for (int j = i; j < n; j++) {
                        double v = (cov0[i][j] + cov0[j][i]) / 2;
                        sym[i][j] = v;
                        sym[j][i] = v;
                        cov[k++] = v;
                    }
                }
                double[][] bOut = new double[n][n];
                double[] dOut = new double[n];
                eigen(sym, bOut, dOut);
                for (int i = 0; i < n; i++) {
                    if (!(dOut[i] > 0)) {
                        throw new IllegalArgumentException(
                                "cov0 must be positive definite, it has eigenvalue " + dOut[i]);
                    }
                }
                eigenvectors = new double[n * n];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(bOut[i], 0, eigenvectors, i * n, n);
                }
                eigenvalues = dOut;
            }
        }
        double[] marginA = new double[0];
        if (config.withMargin() && config.hasDiscrete()) {
            marginA = new double[n];
            Arrays.fill(marginA, 1.0);
        }
        return new CmaState(
                CmaState.FORMAT_VERSION, n, lambda, separable, x0.clone(), sigma0, cov, eigenvectors,
                eigenvalues, 0, new double[n], new double[n], 0, 0, marginA, new double[0],
                new double[0], new double[0], seed, sigma0, restarts, largeRestarts, smallRegime,
                evalsSmall, evalsLarge, basePopsize, baseSigma, baseMean, bestF, bestX);
    }

    // ---------------------------------------------------------------------------------------------
    // ask

    /**
     * Draws the next sample from the run's own stream, derived from (seed, restart, generation,
     * index in generation): the same state always gives the same sample.
     */
    public double[] ask() {
        SplittableRandom rng = new SplittableRandom(mix(seed, restarts, generation, asked));
        asked++;
        return ask(rng);
    }

    /**
     * Draws x ~ N(m, σ²C) (eq. 38-40) inside the bounds. Returns the raw point to pass back to
     * {@link #tell}; evaluate the objective at {@link #toEvaluation(double[])} of it.
     */
    public double[] ask(RandomGenerator rng) {
        double[] x = new double[n];
        if (config.boundary() == BoundaryHandling.MIRROR) {
            sample(rng, x);
            mirror(x);
            return x;
        }
        for (int attempt = 0; attempt < MAX_RESAMPLING; attempt++) {
            sample(rng, x);
            if (feasible(x)) {
                return x;
            }
        }
        sample(rng, x);
        for (int i = 0; i < n; i++) {
            x[i] = Math.min(config.upper(i), Math.max(config.lower(i), x[i]));
        }
        return x;
    }

    private void sample(RandomGenerator rng, double[] x) {
        for (int i = 0; i < n; i++) {
            z[i] = d[i] * rng.nextGaussian(); // D z, z ~ N(0, I)
        }
        if (separable) {
            for (int i = 0; i < n; i++) {
                x[i] = mean[i] + sigma * z[i];
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            double y = 0; // eq. 39: y = B D z ~ N(0, C)
            double[] bi = b[i];
            for (int j = 0; j < n; j++) {
                y += bi[j] * z[j];
            }
            x[i] = mean[i] + sigma * y; // eq. 40
        }
    }

    private boolean feasible(double[] x) {
        for (int i = 0; i < n; i++) {
            if (x[i] < config.lower(i) || x[i] > config.upper(i)) {
                return false;
            }
        }
        return true;
    }

    private void mirror(double[] x) {
        for (int i = 0; i < n; i++) {
            double lo = config.lower(i);
            double hi = config.upper(i);
            if (x[i] >= lo && x[i] <= hi) {
                continue;
            }
            if (Double.isInfinite(lo) || Double.isInfinite(hi)) {
                // one-sided bound: a single reflection
                x[i] = x[i] < lo ? 2 * lo - x[i] : 2 * hi - x[i];
                continue;
            }
            double width = hi - lo;
            double t = (x[i] - lo) % (2 * width);
            if (t < 0) {
                t += 2 * width;
            }
            x[i] = t <= width ? lo + t : hi - (t - width);
        }
    }

    /**
     * The point at which to evaluate the objective for a raw sample: discrete coordinates become
     * the centre of the cell they fall in, after the margin scaling m + A (x - m) when margin is on (Hamano et
     * al. 2022, Section 4); continuous coordinates are unchanged.
     */
    public double[] toEvaluation(double[] x) {
        double[] out = x.clone();
        for (int i = 0; i < n; i++) {
            double step = config.step(i);
            if (step > 0) {
                double v = marginA == null ? x[i] : mean[i] + marginA[i] * (x[i] - mean[i]);
                int k = (int) Math.floor((v - config.lower(i)) / step);
                out[i] = config.lower(i) + (Math.max(0, Math.min(gridSize(i) - 1, k)) + 0.5) * step;
            }
        }
        return out;
    }

    /** Number of cells of width step in [lower, upper] (at least one). */
    private int gridSize(int i) {
        return Math.max(1, (int) Math.floor((config.upper(i) - config.lower(i)) / config.step(i) + 1e-9));
    }

    // ---------------------------------------------------------------------------------------------
    // tell

    /**
     * Updates the distribution from one full generation.
     *
     * @param xs the λ raw samples (as returned by {@link #ask})
     * @param fs their objective values, finite
     * @throws IllegalArgumentException if the sizes are not λ and n or a value is not finite
     */
    public void tell(double[][] xs, double[] fs) {
        tell(xs, fs, null);
    }

    /**
     * Updates the distribution from one full generation, some of whose solutions were not drawn
     * from it (another generation's samples, points given by the user): the step y = (x − m)/σ of
     * such an injected solution is shortened to the Mahalanobis length √n + 2n/(n + 2) when it is
     * longer (N. Hansen, "Injecting External Solutions Into CMA-ES", arXiv:1110.4181, 2011), so a
     * far point cannot blow up σ or C.
     *
     * @param xs the λ solutions
     * @param fs their objective values, finite
     * @param injected which solutions were not sampled from this distribution (null: none)
     * @throws IllegalArgumentException if the sizes are not λ and n or a value is not finite
     */
    public void tell(double[][] xs, double[] fs, boolean[] injected) {
        int lambda = params.lambda();
        if (xs.length != lambda || fs.length != lambda) {
            throw new IllegalArgumentException(
                    "tell needs exactly popsize = " + lambda + " solutions, got " + xs.length + " points and "
                            + fs.length + " values");
        }
        for (int k = 0; k < lambda; k++) {
            if (xs[k].length != n) {
                throw new IllegalArgumentException(
                        "solution " + k + " must have " + n + " values, got " + xs[k].length);
            }
            if (!Double.isFinite(fs[k])) {
                throw new IllegalArgumentException("objective values must be finite, got " + fs[k]);
            }
        }
        Integer[] order = new Integer[lambda];
        for (int k = 0; k < lambda; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (p, q) -> Double.compare(fs[p], fs[q])); // stable: ties keep ask order

        // best so far, as evaluated
        int best = order[0];
        if (bestF == null || fs[best] < bestF) {
            bestF = fs[best];
            bestX = toEvaluation(xs[best]);
        }
        history.add(fs[order[0]], Statistics.median(fs), fs[order[lambda - 1]]);

        // y_{i:λ} = (x_{i:λ} - m) / σ
        double[][] y = new double[lambda][n];
        double clip = Math.sqrt(n) + 2.0 * n / (n + 2);
        for (int r = 0; r < lambda; r++) {
            double[] x = xs[order[r]];
            for (int i = 0; i < n; i++) {
                y[r][i] = (x[i] - mean[i]) / sigma;
            }
            if (injected != null && injected[order[r]]) {
                double norm = 0;
                for (double v : invSqrtC(y[r])) {
                    norm += v * v;
                }
                norm = Math.sqrt(norm);
                if (norm > clip) {
                    for (int i = 0; i < n; i++) {
                        y[r][i] *= clip / norm;
                    }
                }
            }
        }
        // eq. 41: y_w = Σ_{i≤μ} w_i y_{i:λ}, m ← m + c_m σ y_w
        double[] yw = new double[n];
        for (int r = 0; r < params.mu(); r++) {
            double w = params.weight(r);
            for (int i = 0; i < n; i++) {
                yw[i] += w * y[r][i];
            }
        }
        for (int i = 0; i < n; i++) {
            mean[i] += params.cm() * sigma * yw[i];
        }

        // eq. 43: p_σ ← (1 - c_σ) p_σ + sqrt(c_σ (2 - c_σ) μ_eff) C^{-1/2} y_w
        double cs = params.cSigma();
        double[] invSqrtYw = invSqrtC(yw);
        double coefS = Math.sqrt(cs * (2 - cs) * params.muEff());
        double normPs = 0;
        for (int i = 0; i < n; i++) {
            pSigma[i] = (1 - cs) * pSigma[i] + coefS * invSqrtYw[i];
            normPs += pSigma[i] * pSigma[i];
        }
        normPs = Math.sqrt(normPs);

        // h_σ (below eq. 46): stall the update of p_c when ||p_σ|| is large
        double chiN = params.chiN();
        boolean hSigma =
                normPs / Math.sqrt(1 - Math.pow(1 - cs, 2.0 * (generation + 1)))
                        < (1.4 + 2.0 / (n + 1)) * chiN;

        // eq. 45: p_c ← (1 - c_c) p_c + h_σ sqrt(c_c (2 - c_c) μ_eff) y_w
        double ccc = params.cc();
        double coefC = hSigma ? Math.sqrt(ccc * (2 - ccc) * params.muEff()) : 0;
        for (int i = 0; i < n; i++) {
            pc[i] = (1 - ccc) * pc[i] + coefC * yw[i];
        }

        // eq. 46: w°_i = w_i for w_i ≥ 0, w_i n / ||C^{-1/2} y_{i:λ}||² otherwise
        double[] wCirc = new double[lambda];
        for (int r = 0; r < lambda; r++) {
            double w = params.weight(r);
            if (w >= 0) {
                wCirc[r] = w;
            } else {
                double[] v = invSqrtC(y[r]);
                double norm2 = 0;
                for (double vi : v) {
                    norm2 += vi * vi;
                }
                wCirc[r] = norm2 > 0 ? w * n / norm2 : 0;
            }
        }

        // eq. 47: C ← (1 + c1 δ(h_σ) - c1 - cμ Σw_j) C + c1 p_c p_cᵀ + cμ Σ w°_i y_i y_iᵀ
        double c1 = params.c1();
        double cmu = params.cMu();
        double delta = hSigma ? 0 : ccc * (2 - ccc);
        double decay = 1 + c1 * delta - c1 - cmu * params.weightSum();
        if (separable) {
            for (int i = 0; i < n; i++) {
                double rankMu = 0;
                for (int r = 0; r < lambda; r++) {
                    rankMu += wCirc[r] * y[r][i] * y[r][i];
                }
                cDiag[i] = decay * cDiag[i] + c1 * pc[i] * pc[i] + cmu * rankMu;
            }
        } else {
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    double rankMu = 0;
                    for (int r = 0; r < lambda; r++) {
                        rankMu += wCirc[r] * y[r][i] * y[r][j];
                    }
                    double v = decay * c[i][j] + c1 * pc[i] * pc[j] + cmu * rankMu;
                    c[i][j] = v;
                    c[j][i] = v;
                }
            }
        }

        // eq. 44: σ ← σ exp((c_σ / d_σ)(||p_σ|| / E||N(0,I)|| - 1)); the exponent is capped at 1 as
        // in Hansen's pycma so that a single generation cannot blow σ up.
        sigma *= Math.exp(Math.min(1.0, (cs / params.dSigma()) * (normPs / chiN - 1)));
        sigma = Math.min(sigma, MAX_SIGMA);

        generation++;
        asked = 0;
        if (separable) {
            for (int i = 0; i < n; i++) {
                cDiag[i] = Math.max(cDiag[i], 1e-300);
                d[i] = Math.sqrt(cDiag[i]);
            }
            eigenGeneration = generation;
        } else if (generation - eigenGeneration >= params.eigenInterval()) {
            updateEigen();
        }
        if (marginA != null) {
            applyMargin();
        }
    }

    /** C^{-1/2} v = B D^{-1} Bᵀ v with the last decomposition (eq. 43). */
    private double[] invSqrtC(double[] v) {
        double[] out = new double[n];
        if (separable) {
            for (int i = 0; i < n; i++) {
                out[i] = v[i] / d[i];
            }
            return out;
        }
        double[] t = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += b[i][j] * v[i];
            }
            t[j] = s / d[j];
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            double[] bi = b[i];
            for (int j = 0; j < n; j++) {
                s += bi[j] * t[j];
            }
            out[i] = s;
        }
        return out;
    }

    private void updateEigen() {
        double[] d2 = new double[n];
        eigen(c, b, d2);
        double max = 0;
        for (double v : d2) {
            max = Math.max(max, v);
        }
        double floor = Math.max(max * 1e-20, 1e-300); // numerical round-off can leave tiny negatives
        for (int i = 0; i < n; i++) {
            d[i] = Math.sqrt(Math.max(d2[i], floor));
        }
        eigenGeneration = generation;
    }

    /** Symmetric eigendecomposition: columns of {@code bOut} are eigenvectors, {@code dOut} values. */
    private static void eigen(double[][] sym, double[][] bOut, double[] dOut) {
        RealMatrix m = new Array2DRowRealMatrix(sym, true);
        EigenDecomposition e = new EigenDecomposition(m);
        double[] values = e.getRealEigenvalues();
        RealMatrix v = e.getV();
        int n = sym.length;
        for (int j = 0; j < n; j++) {
            dOut[j] = values[j];
            for (int i = 0; i < n; i++) {
                bOut[i][j] = v.getEntry(i, j);
            }
        }
    }

    /**
     * Margin correction of Hamano et al. (2022), Section 4.2, per discrete coordinate: after the
     * CMA update, move the mean and rescale A so that the marginal probability of sampling a
     * different grid value than the one nearest the mean stays at least α (α/2 on each side when
     * the mean sits between two thresholds).
     */
    private void applyMargin() {
        double alpha = Double.isNaN(config.margin()) ? 1.0 / (n * params.lambda()) : config.margin();
        double zAlpha = STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha);
        for (int i = 0; i < n; i++) {
            double step = config.step(i);
            if (!(step > 0)) {
                continue;
            }
            int k = gridSize(i);
            if (k < 2) {
                continue;
            }
            double lo0 = config.lower(i);
            // thresholds between neighbouring values t_j = lo + (j + 1) step, j = 0..k-2; the ones
            // enclosing the mean
            int firstAbove = (int) Math.ceil((mean[i] - lo0) / step - 1); // first j with t_j >= m
            int upIdx = Math.max(0, Math.min(k - 2, firstAbove));
            int lowIdx = Math.max(0, Math.min(k - 2, firstAbove - 1));
            double tLow = lo0 + (lowIdx + 1) * step;
            double tUp = lo0 + (upIdx + 1) * step;
            double sdC = Math.sqrt(separable ? cDiag[i] : c[i][i]);
            double scale = sigma * marginA[i] * sdC;
            double pLow = Phi((tLow - mean[i]) / scale);
            double pUp = 1 - Phi((tUp - mean[i]) / scale);
            double pMid = 1 - pLow - pUp;
            if (Math.max(pLow, pUp) > 0.5) {
                // the mean lies beyond the outermost threshold: pull it back until the probability of
                // crossing that threshold is α (paper, eq. 14)
                if (Math.min(pLow, pUp) < alpha) {
                    double sign = Math.signum(mean[i] - tUp);
                    mean[i] = tUp + sign * scale * zAlpha;
                }
                continue;
            }
            double half = alpha / 2;
            double lowP = Math.max(pLow, half);
            double upP = Math.max(pUp, half);
            // renormalize after lifting, taking mass from the sides proportionally to their excess
            double denom = lowP + pMid + upP - 3 * half;
            double excess = 1 - lowP - upP - pMid;
            double newLow = clampP(lowP + excess * (lowP - half) / denom);
            double newUp = clampP(upP + excess * (upP - half) / denom);
            double zLow = STANDARD_NORMAL.inverseCumulativeProbability(1 - newLow);
            double zUp = STANDARD_NORMAL.inverseCumulativeProbability(1 - newUp);
            // solve P(X ≤ t_low) = newLow, P(X > t_up) = newUp for the mean and A_ii (σ, C fixed)
            marginA[i] = (tUp - tLow) / ((zLow + zUp) * sigma * sdC);
            mean[i] = (tLow * zUp + tUp * zLow) / (zLow + zUp);
        }
    }

    private static double clampP(double p) {
        return Math.max(1e-10, Math.min(0.5 - 1e-10, p));
    }

    private static double Phi(double x) {
        return STANDARD_NORMAL.cumulativeProbability(x);
    }

    // ---------------------------------------------------------------------------------------------
    // termination

    /** The first termination criterion met, if any (checked in the order of {@link Termination}). */
    public Optional<Termination> termination() {
        int lambda = params.lambda();
        int funHist = 10 + (int) Math.ceil(30.0 * n / lambda);
        if (history.size() >= funHist && history.range(funHist) < config.tolFun()) {
            return Optional.of(Termination.TOL_FUN);
        }
        double tolX = config.tolX() * sigma0;
        boolean allSmall = true;
        for (int i = 0; i < n && allSmall; i++) {
            allSmall = sigma * Math.sqrt(diagC(i)) < tolX && sigma * Math.abs(pc[i]) < tolX;
        }
        if (allSmall) {
            return Optional.of(Termination.TOL_X);
        }
        double maxD = 0;
        double minD = Double.POSITIVE_INFINITY;
        for (double v : d) {
            maxD = Math.max(maxD, v);
            minD = Math.min(minD, v);
        }
        if (sigma * maxD > config.tolXUp() * sigma0) {
            return Optional.of(Termination.TOL_X_UP);
        }
        int axis = generation % n;
        boolean noEffect = true;
        for (int i = 0; i < n && noEffect; i++) {
            double shift = 0.1 * sigma * d[axis] * (separable ? (i == axis ? 1 : 0) : b[i][axis]);
            noEffect = mean[i] == mean[i] + shift;
        }
        if (noEffect) {
            return Optional.of(Termination.NO_EFFECT_AXIS);
        }
        for (int i = 0; i < n; i++) {
            if (mean[i] == mean[i] + 0.2 * sigma * Math.sqrt(diagC(i))) {
                return Optional.of(Termination.NO_EFFECT_COORD);
            }
        }
        if ((maxD / minD) * (maxD / minD) > config.tolCondition()) {
            return Optional.of(Termination.CONDITION_COV);
        }
        if (history.stagnated()) {
            return Optional.of(Termination.STAGNATION);
        }
        if (smallRegime && generation > 0 && (long) (generation + 1) * lambda > evalsLarge / 2.0) {
            return Optional.of(Termination.SMALL_RUN_BUDGET);
        }
        return Optional.empty();
    }

    /**
     * Whether a termination criterion is met ({@link #termination()} is not empty): the caller should restart
     * or stop asking.
     *
     * @return true when the run should end
     */
    public boolean shouldStop() {
        return termination().isPresent();
    }

    private double diagC(int i) {
        return separable ? cDiag[i] : c[i][i];
    }

    /** History length for the stagnation test: 120 + 30 n / λ generations (Hansen, App. B.3). */
    static int historyCapacity(int n, int lambda) {
        return 120 + (int) Math.ceil(30.0 * n / lambda);
    }

    // ---------------------------------------------------------------------------------------------
    // state

    /** A snapshot of the whole run; {@link #restore} of it continues identically. */
    public CmaState state() {
        double[] cov;
        double[] eigenvectors;
        if (separable) {
            cov = cDiag.clone();
            eigenvectors = new double[0];
        } else {
            cov = new double[n * (n + 1) / 2];
            int k = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    cov[k++] = c[i][j];
                }
            }
            eigenvectors = new double[n * n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(b[i], 0, eigenvectors, i * n, n);
            }
        }
        double[] eigenvalues = new double[n];
        for (int i = 0; i < n; i++) {
            eigenvalues[i] = d[i] * d[i];
        }
        return new CmaState(
                CmaState.FORMAT_VERSION, n, params.lambda(), separable, mean.clone(), sigma, cov,
                eigenvectors, eigenvalues, eigenGeneration, pSigma.clone(), pc.clone(), generation, asked,
                marginA == null ? new double[0] : marginA.clone(), history.best(), history.median(),
                history.worst(), seed, sigma0, restarts, largeRestarts, smallRegime, evalsSmall,
                evalsLarge, basePopsize, baseSigma, baseMean.clone(), bestF, bestX.clone());
    }

    /**
     * The problem this run solves: bounds, discrete steps, boundary handling and tolerances.
     *
     * @return the configuration
     */
    public CmaConfig config() {
        return config;
    }

    /**
     * The strategy parameters (weights, learning rates) for this run's dimension and population.
     *
     * @return the parameters
     */
    public CmaParameters parameters() {
        return params;
    }

    /**
     * The dimension n of the search space.
     *
     * @return n
     */
    public int dimension() {
        return n;
    }

    /**
     * The population size λ of this run (grown by IPOP/BIPOP restarts).
     *
     * @return λ
     */
    public int popsize() {
        return params.lambda();
    }

    /**
     * Generations completed by this run (since its last restart), from 0.
     *
     * @return the generation
     */
    public int generation() {
        return generation;
    }

    /**
     * Restarts before this run (0 for the first run).
     *
     * @return the number of restarts
     */
    public int restarts() {
        return restarts;
    }

    /**
     * The current step size σ, in the units of the (transformed) search space.
     *
     * @return σ
     */
    public double sigma() {
        return sigma;
    }

    /**
     * The current mean m of the search distribution (a copy).
     *
     * @return m
     */
    public double[] mean() {
        return mean.clone();
    }

    /** C as a full symmetric n×n matrix (a copy). */
    public double[][] covariance() {
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (separable) {
                out[i][i] = cDiag[i];
            } else {
                out[i] = c[i].clone();
            }
        }
        return out;
    }

    /** Best value told over all runs of this optimizer, or NaN before the first tell. */
    public double bestValue() {
        return bestF == null ? Double.NaN : bestF;
    }

    /** The evaluated point of {@link #bestValue()}, or an empty array. */
    public double[] bestPoint() {
        return bestX.clone();
    }

    /** Evaluations told in all runs so far (including this one). */
    public long evaluations() {
        return evalsSmall + evalsLarge + (long) generation * params.lambda();
    }

    /** SplitMix64 finalizer over the inputs: independent streams per (seed, run, generation, k). */

    /** Independent streams per (seed, run, generation, k), kept as they are so seeds replay exactly. */
    static long mix(long seed, long a, long b, long c) {
        long h = seed;
        for (long v : new long[] {a, b, c}) {
            h = Seeds.mix((h ^ Seeds.mix(v + 2 * GOLDEN)) + GOLDEN);
        }
        return h;
    }

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** Recent best/median/worst values, bounded, oldest first. */
    private static final class History {
        private final int capacity;
        private double[] best;
        private double[] median;
        private double[] worst;

        History(int capacity, double[] best, double[] median, double[] worst) {
            this.capacity = capacity;
            int from = Math.max(0, best.length - capacity);
            this.best = Arrays.copyOfRange(best, from, best.length);
            this.median = Arrays.copyOfRange(median, from, median.length);
            this.worst = Arrays.copyOfRange(worst, from, worst.length);
        }

        void add(double b, double m, double w) {
            best = append(best, b);
            median = append(median, m);
            worst = append(worst, w);
        }

        private double[] append(double[] a, double v) {
            double[] out;
            if (a.length < capacity) {
                out = Arrays.copyOf(a, a.length + 1);
            } else {
                out = new double[capacity];
                System.arraycopy(a, 1, out, 0, capacity - 1);
            }
            out[out.length - 1] = v;
            return out;
        }

        int size() {
            return best.length;
        }

        /** max - min over the best and worst values of the last {@code last} generations. */
        double range(int last) {
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int k = best.length - last; k < best.length; k++) {
                max = Math.max(max, Math.max(best[k], worst[k]));
                min = Math.min(min, Math.min(best[k], worst[k]));
            }
            return max - min;
        }

        /**
         * Full window and the medians of the newest 30% of both the best and the median values are
         * no better than those of the oldest 30%.
         */
        boolean stagnated() {
            if (best.length < capacity) {
                return false;
            }
            int part = (int) Math.ceil(0.3 * capacity);
            return medianOfRange(best, capacity - part, capacity) >= medianOfRange(best, 0, part)
                    && medianOfRange(median, capacity - part, capacity) >= medianOfRange(median, 0, part);
        }

        private static double medianOfRange(double[] a, int from, int to) {
            return Statistics.median(Arrays.copyOfRange(a, from, to));
        }

        double[] best() {
            return best.clone();
        }

        double[] median() {
            return median.clone();
        }

        double[] worst() {
            return worst.clone();
        }
    }
}
