package nas.samplers.cmaes;

import java.util.Arrays;

/**
 * The strategy parameters of CMA-ES that depend only on the dimension n and the population size
 * λ: recombination weights and learning rates. Defaults follow N. Hansen, "The CMA Evolution
 * Strategy: A Tutorial" (arXiv:1604.00772, 2016), Appendix A, Table 1; equation numbers below
 * refer to that text.
 *
 * <p>The separable variant (Ros and Hansen, "A Simple Modification in CMA-ES Achieving Linear
 * Time and Space Complexity", PPSN 2008) keeps C diagonal; because a diagonal matrix has n
 * instead of n²/2 degrees of freedom its learning rates c1 and cμ are multiplied by (n + 2) / 3,
 * and only positive weights are used (negative weights would need a separate positive
 * definiteness bound for the rescaled rates).
 *
 * <p>Immutable.
 */
public final class CmaParameters {

    private final int n;
    private final int lambda;
    private final int mu;
    private final double[] weights;
    private final double muEff;
    private final double cSigma;
    private final double dSigma;
    private final double cc;
    private final double c1;
    private final double cMu;
    private final double cm;
    private final double chiN;
    private final boolean separable;

    private CmaParameters(int n, int lambda, boolean separable) {
        this.n = n;
        this.lambda = lambda;
        this.separable = separable;
        this.mu = lambda / 2;

        // eq. 49: preliminary weights w'_i = ln((λ+1)/2) - ln i, i = 1..λ
        double[] wPrime = new double[lambda];
        for (int i = 0; i < lambda; i++) {
            wPrime[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
        }
        double sumPos = 0, sumPosSq = 0, sumNeg = 0, sumNegSq = 0;
        for (int i = 0; i < lambda; i++) {
            if (i < mu) {
                sumPos += wPrime[i];
                sumPosSq += wPrime[i] * wPrime[i];
            } else {
                sumNeg += wPrime[i];
                sumNegSq += wPrime[i] * wPrime[i];
            }
        }
        // eq. 8 (variance effective selection mass) for the positive and the negative half
        this.muEff = sumPos * sumPos / sumPosSq;
        double muEffMinus = sumNegSq == 0 ? 0 : sumNeg * sumNeg / sumNegSq;

        double alphaCov = 2;
        this.cm = 1; // eq. 54
        this.cSigma = (muEff + 2) / (n + muEff + 5); // eq. 55
        this.dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma; // eq. 55
        this.cc = (4 + muEff / n) / (n + 4 + 2 * muEff / n); // eq. 56
        double c1Full = alphaCov / ((n + 1.3) * (n + 1.3) + muEff); // eq. 57
        double cMuFull =
                Math.min(
                        1 - c1Full,
                        alphaCov * (muEff - 2 + 1 / muEff) / ((n + 2) * (n + 2) + alphaCov * muEff / 2)); // eq. 58
        if (separable) {
            double scale = (n + 2) / 3.0;
            this.c1 = Math.min(1, c1Full * scale);
            this.cMu = Math.min(1 - this.c1, cMuFull * scale);
        } else {
            this.c1 = c1Full;
            this.cMu = cMuFull;
        }

        // eq. 50-52: bounds on the sum of the negative weights
        double alphaMuMinus = 1 + c1 / cMu;
        double alphaMuEffMinus = 1 + 2 * muEffMinus / (muEff + 2);
        double alphaPosDefMinus = (1 - c1 - cMu) / (n * cMu);
        double negScale = Math.min(alphaMuMinus, Math.min(alphaMuEffMinus, alphaPosDefMinus));
        double sumNegAbs = -sumNeg;

        // eq. 53: positive weights sum to one, negative weights sum to -negScale
        this.weights = new double[lambda];
        for (int i = 0; i < lambda; i++) {
            if (wPrime[i] >= 0) {
                weights[i] = wPrime[i] / sumPos;
            } else if (separable) {
                weights[i] = 0;
            } else {
                weights[i] = negScale * wPrime[i] / sumNegAbs;
            }
        }
        // E||N(0, I)||, approximation stated below eq. 44
        this.chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
    }

    /** Default population size λ = 4 + ⌊3 ln n⌋ (eq. 48). */
    public static int defaultPopulationSize(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + n);
        }
        return 4 + (int) Math.floor(3 * Math.log(n));
    }

    /**
     * Parameters for dimension {@code n} and population size {@code lambda}.
     *
     * @throws IllegalArgumentException if {@code n < 1} or {@code lambda < 2}
     */
    public static CmaParameters of(int n, int lambda, boolean separable) {
        if (n < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + n);
        }
        if (lambda < 2) {
            throw new IllegalArgumentException("population size must be >= 2, got " + lambda);
        }
        return new CmaParameters(n, lambda, separable);
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
     * The population size λ: candidates sampled per generation.
     *
     * @return λ
     */
    public int lambda() {
        return lambda;
    }

    /**
     * The parent number μ = ⌊λ/2⌋: the candidates with positive weights.
     *
     * @return μ
     */
    public int mu() {
        return mu;
    }

    /** w_i for ranks 1..λ (positive ones sum to 1, eq. 53). A copy. */
    public double[] weights() {
        return weights.clone();
    }

    double weight(int rank) {
        return weights[rank];
    }

    /**
     * The variance effective selection mass μ_eff = (Σ w_i)² / Σ w_i² over the positive weights (eq. 8).
     *
     * @return μ_eff
     */
    public double muEff() {
        return muEff;
    }

    /**
     * The learning rate c_σ of the step-size path p_σ, (μ_eff + 2) / (n + μ_eff + 5) (eq. 55).
     *
     * @return c_σ
     */
    public double cSigma() {
        return cSigma;
    }

    /**
     * The damping d_σ of the step-size update, 1 + 2 max(0, sqrt((μ_eff − 1)/(n + 1)) − 1) + c_σ (eq. 55).
     *
     * @return d_σ
     */
    public double dSigma() {
        return dSigma;
    }

    /**
     * The learning rate c_c of the covariance path p_c, (4 + μ_eff/n) / (n + 4 + 2 μ_eff/n) (eq. 56).
     *
     * @return c_c
     */
    public double cc() {
        return cc;
    }

    /**
     * The rank-one learning rate c_1, 2 / ((n + 1.3)² + μ_eff) (eq. 57; times (n + 2)/3 when separable).
     *
     * @return c_1
     */
    public double c1() {
        return c1;
    }

    /**
     * The rank-μ learning rate c_μ (eq. 58; times (n + 2)/3 when separable), at most 1 − c_1.
     *
     * @return c_μ
     */
    public double cMu() {
        return cMu;
    }

    /**
     * The learning rate c_m of the mean, 1 (eq. 54).
     *
     * @return c_m
     */
    public double cm() {
        return cm;
    }

    /**
     * E‖N(0, I)‖ ≈ sqrt(n) (1 − 1/(4n) + 1/(21n²)), the expected length of p_σ without selection
     * (below eq. 44).
     *
     * @return the expected norm
     */
    public double chiN() {
        return chiN;
    }

    /**
     * Whether these are the separable variant's rates (diagonal C, Ros and Hansen 2008).
     *
     * @return true for sep-CMA-ES
     */
    public boolean separable() {
        return separable;
    }

    /** Sum of all weights (positive and negative), the Σ w_j of eq. 47. */
    double weightSum() {
        return Arrays.stream(weights).sum();
    }

    /**
     * Generations between two eigendecompositions of C: the tutorial's pseudo code recomputes B and
     * D once every λ / ((c1 + cμ) n 10) evaluations, which keeps the O(n³) cost per evaluation at
     * O(n²).
     */
    public int eigenInterval() {
        return Math.max(1, (int) Math.floor(1.0 / ((c1 + cMu) * n * 10)));
    }
}
