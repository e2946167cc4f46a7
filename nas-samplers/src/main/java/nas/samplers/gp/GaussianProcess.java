package nas.samplers.gp;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A zero-mean Gaussian process with the {@link Matern52} ARD kernel, conditioned on observations
 * (Rasmussen and Williams 2006, Algorithm 2.1): {@code K = scale·M + noise·I = LLᵀ} by commons-math3's
 * Cholesky decomposition, {@code α = K⁻¹y}. Immutable once built; {@link #predict} allocates only
 * its two work arrays.
 */
final class GaussianProcess {

    private final double[][] x;
    private final double[] y;
    private final boolean[] categorical;
    private final KernelParams params;
    private final double[][] lower; // L, row-major
    private final double[] alpha;
    private final DecompositionSolver solver;

    private GaussianProcess(double[][] x, double[] y, boolean[] categorical, KernelParams params,
            double[][] lower, double[] alpha, DecompositionSolver solver) {
        this.x = x;
        this.y = y;
        this.categorical = categorical;
        this.params = params;
        this.lower = lower;
        this.alpha = alpha;
        this.solver = solver;
    }

    /**
     * Conditions the process on {@code (x, y)}.
     *
     * @param x           n points, each on the unit cube (categorical columns hold choice indices)
     * @param y           n targets (standardised by the caller)
     * @param categorical which columns are categorical
     */
    public static GaussianProcess fit(double[][] x, double[] y, boolean[] categorical, KernelParams params) {
        RealMatrix k = new Array2DRowRealMatrix(covariance(x, categorical, params), false);
        CholeskyDecomposition chol;
        try {
            chol = new CholeskyDecomposition(k, 1e-12, 1e-14);
        } catch (NonPositiveDefiniteMatrixException e) {
            // numerically singular (duplicated points with tiny noise): add jitter once
            for (int i = 0; i < x.length; i++) {
                k.addToEntry(i, i, 1e-6 * params.scale());
            }
            chol = new CholeskyDecomposition(k, 1e-12, 1e-16);
        }
        DecompositionSolver solver = chol.getSolver();
        double[] alpha = solver.solve(new ArrayRealVector(y, false)).toArray();
        return new GaussianProcess(x, y, categorical, params, chol.getL().getData(), alpha, solver);
    }

    /** K = scale·M(x, x) + noise·I. */
    static double[][] covariance(double[][] x, boolean[] categorical, KernelParams p) {
        int n = x.length;
        double[][] k = new double[n][n];
        double[] lambda = p.inverseSquaredLengthscales();
        for (int i = 0; i < n; i++) {
            k[i][i] = p.scale() + p.noise();
            for (int j = 0; j < i; j++) {
                double v = p.scale() * Matern52.value(Matern52.r2(x[i], x[j], lambda, categorical));
                k[i][j] = v;
                k[j][i] = v;
            }
        }
        return k;
    }

    public KernelParams params() {
        return params;
    }

    boolean[] categorical() {
        return categorical;
    }

    public int size() {
        return y.length;
    }

    /**
     * Log marginal likelihood {@code −½ yᵀα − Σ ln L_ii − (n/2) ln 2π} (Rasmussen and Williams, eq. 2.30) and its
     * gradient with respect to θ ({@link KernelParams#toTheta}):
     * {@code ∂/∂θ_j = ½ tr((ααᵀ − K⁻¹) ∂K/∂θ_j)} (Rasmussen and Williams, eq. 5.9).
     *
     * @param gradient receives the gradient (length d + 2), or null
     */
    public double logMarginalLikelihood(double[] gradient) {
        int n = y.length;
        double lml = -0.5 * n * Math.log(2 * Math.PI);
        for (int i = 0; i < n; i++) {
            lml -= 0.5 * y[i] * alpha[i] + Math.log(lower[i][i]);
        }
        if (gradient == null) {
            return lml;
        }
        int d = params.dimension();
        java.util.Arrays.fill(gradient, 0);
        double[][] kInv = solver.getInverse().getData();
        double[] lambda = params.inverseSquaredLengthscales();
        double s = params.scale();
        for (int i = 0; i < n; i++) {
            // diagonal: ∂K_ii/∂ln scale = scale, ∂K_ii/∂θ_noise = noise − minNoise, ∂/∂ln λ = 0
            double wii = alpha[i] * alpha[i] - kInv[i][i];
            gradient[d] += 0.5 * wii * s;
            gradient[d + 1] += 0.5 * wii * (params.noise() - KernelParams.MIN_NOISE);
            for (int j = 0; j < i; j++) {
                double w = alpha[i] * alpha[j] - kInv[i][j]; // counted twice (i, j) and (j, i)
                double r2 = Matern52.r2(x[i], x[j], lambda, categorical);
                gradient[d] += w * s * Matern52.value(r2);
                double dk = w * s * Matern52.derivativeR2(r2);
                for (int c = 0; c < d; c++) {
                    // ∂K_ij/∂ln λ_c = scale · m'(r²) · λ_c · d_c²
                    gradient[c] += dk * lambda[c] * Matern52.squaredDifference(x[i][c], x[j][c], categorical[c]);
                }
            }
        }
        return lml;
    }

    /**
     * Posterior mean and variance of the latent function at {@code point}, with their gradients
     * along the numeric columns (categorical entries of the gradients are 0).
     *
     * @param out        receives {mean, variance}
     * @param dMean      receives ∂mean/∂x, or null
     * @param dVariance  receives ∂variance/∂x, or null
     */
    public void predict(double[] point, double[] out, double[] dMean, double[] dVariance) {
        int n = y.length;
        int d = point.length;
        double[] lambda = params.inverseSquaredLengthscales();
        double s = params.scale();
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = s * Matern52.value(Matern52.r2(point, x[i], lambda, categorical));
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += k[i] * alpha[i];
        }
        // v = L⁻¹k (forward substitution on the commons-math3 factor); variance = scale − vᵀv
        double[] v = new double[n];
        double vv = 0;
        for (int i = 0; i < n; i++) {
            double acc = k[i];
            double[] row = lower[i];
            for (int j = 0; j < i; j++) {
                acc -= row[j] * v[j];
            }
            v[i] = acc / row[i];
            vv += v[i] * v[i];
        }
        out[0] = mean;
        out[1] = Math.max(s - vv, 1e-12 * s);
        if (dMean == null && dVariance == null) {
            return;
        }
        // w = L⁻ᵀv = K⁻¹k (backward substitution); ∂var/∂x = −2 Σ_i w_i ∂k_i/∂x
        for (int i = n - 1; i >= 0; i--) {
            double acc = v[i];
            for (int j = i + 1; j < n; j++) {
                acc -= lower[j][i] * v[j];
            }
            v[i] = acc / lower[i][i];
        }
        if (dMean != null) {
            java.util.Arrays.fill(dMean, 0);
        }
        if (dVariance != null) {
            java.util.Arrays.fill(dVariance, 0);
        }
        for (int i = 0; i < n; i++) {
            // ∂k_i/∂x_c = scale · m'(r²) · 2 λ_c (x_c − x_ic)
            double g = s * Matern52.derivativeR2(Matern52.r2(point, x[i], lambda, categorical));
            for (int c = 0; c < d; c++) {
                if (categorical[c]) {
                    continue;
                }
                double dk = g * 2 * lambda[c] * (point[c] - x[i][c]);
                if (dMean != null) {
                    dMean[c] += alpha[i] * dk;
                }
                if (dVariance != null) {
                    dVariance[c] -= 2 * v[i] * dk;
                }
            }
        }
    }
}
