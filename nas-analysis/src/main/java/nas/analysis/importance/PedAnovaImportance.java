package nas.analysis.importance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.StudyView;
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.distribution.IntDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * PED-ANOVA importance (Watanabe, Bansal and Hutter, "PED-ANOVA: Efficiently quantifying hyperparameter
 * importance in arbitrary subspaces", IJCAI 2023): a parameter matters as much as the distribution of its
 * values among the top trials differs from its distribution among all of them, measured by the Pearson
 * divergence {@code sum_j p_all(j) (p_top(j) / p_all(j) - 1)^2}, which the paper shows equals the local
 * variance share of the binary "is in the top quantile" function. No forest: milliseconds for any study.
 *
 * <p>Each parameter's column ({@link ParameterScale}) is cut into bins: one per choice of a categorical,
 * one per value of an int or stepped float with at most {@code nSteps} values, else {@code nSteps} equal
 * bins. Both densities are Parzen estimators over the bins, as Optuna's evaluator builds them: counts
 * smoothed by a discrete Gaussian kernel whose width follows Scott's rule (at least 0.5 / 1.64 bins),
 * or, for categoricals, by spreading {@code priorWeight / n} of each observation over the choices; plus
 * one prior observation (uniform for categoricals, a Gaussian as wide as the range otherwise).
 *
 * <p>The top trials are those whose target is no worse than the {@code topQuantile} quantile of the
 * study's completed trials (at least the best two). Importances are the divergences normalised to sum
 * to 1; the raw divergences are {@link ParameterImportance#fraction()}.
 *
 * <pre>{@code
 * Map<String, Double> shares = Importance.of(study).with(PedAnovaImportance.defaults());
 * }</pre>
 */
public final class PedAnovaImportance implements ImportanceEvaluator {

    /** Fewer completed trials than this give no top set worth comparing. */
    public static final int MIN_TRIALS = 4;
    private static final double EPS = 1e-12;

    private final double topQuantile;
    private final int nSteps;
    private final double priorWeight;
    /** No objective chosen: the objective of a single-objective study; a multi-objective study is refused. */
    private static final int UNCHOSEN = -1;

    private final int objective;
    private final Set<String> parameters;

    private PedAnovaImportance(double topQuantile, int nSteps, double priorWeight, int objective, Set<String> parameters) {
        if (!(topQuantile > 0 && topQuantile < 1)) {
            throw new IllegalArgumentException("topQuantile must lie in (0, 1), but got " + topQuantile);
        }
        if (nSteps < 2) {
            throw new IllegalArgumentException("nSteps must be at least 2, but got " + nSteps);
        }
        if (!(priorWeight >= 0) || Double.isInfinite(priorWeight)) {
            throw new IllegalArgumentException("priorWeight must be finite and >= 0, but got " + priorWeight);
        }
        if (objective < 0 && objective != UNCHOSEN) {
            throw new IllegalArgumentException("objective index must be >= 0, but got " + objective);
        }
        this.topQuantile = topQuantile;
        this.nSteps = nSteps;
        this.priorWeight = priorWeight;
        this.objective = objective;
        this.parameters = Set.copyOf(parameters);
    }

    /**
     * Optuna's defaults: the top 10 %, 50 bins, prior weight 1, every parameter, and the objective of a
     * single-objective study (a multi-objective study needs {@link #withObjective(int)}, as Optuna's needs a target).
     */
    public static PedAnovaImportance defaults() {
        return new PedAnovaImportance(0.1, 50, 1.0, UNCHOSEN, Set.of());
    }

    /**
     * The same evaluator with top quantile γ = {@code q}: the trials whose target lies in the best fraction
     * {@code q} are the "top" set whose parameter distribution is compared with all trials' (γ of Watanabe et
     * al., "PED-ANOVA", IJCAI 2023). A smaller γ asks what matters for the very best trials.
     *
     * @param q the top quantile, in (0, 1) (default 0.1)
     * @return the same evaluator with that quantile
     */
    public PedAnovaImportance withTopQuantile(double q) {
        return new PedAnovaImportance(q, nSteps, priorWeight, objective, parameters);
    }

    /**
     * The same evaluator cutting a numeric parameter with more than {@code n} values into {@code n} equal bins
     * (one bin per value otherwise), the grid the two Parzen densities are compared on (Optuna's
     * {@code n_steps}).
     *
     * @param n the number of bins (≥ 2; default 50)
     * @return the same evaluator with that many bins
     */
    public PedAnovaImportance withSteps(int n) {
        return new PedAnovaImportance(topQuantile, n, priorWeight, objective, parameters);
    }

    /**
     * The same evaluator with prior weight {@code w}: the weight of the one prior observation added to each Parzen
     * estimator (uniform for categoricals, as wide as the range otherwise), which keeps a small top set from
     * looking sharply peaked.
     *
     * @param w the prior weight (finite, ≥ 0; default 1)
     * @return the same evaluator with that weight
     */
    public PedAnovaImportance withPriorWeight(double w) {
        return new PedAnovaImportance(topQuantile, nSteps, w, objective, parameters);
    }

    /** Explains objective value {@code index} (its direction says which end is the top). */
    public PedAnovaImportance withObjective(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("objective index must be >= 0, but got " + index);
        }
        return new PedAnovaImportance(topQuantile, nSteps, priorWeight, index, parameters);
    }

    /** Ranks only these parameters. */
    public PedAnovaImportance withParameters(Set<String> names) {
        return new PedAnovaImportance(topQuantile, nSteps, priorWeight, objective, names);
    }

    @Override
    public ImportanceResult evaluate(StudyView study) {
        if (objective == UNCHOSEN) {
            Targets.requireChosen(study, "PED-ANOVA");
        }
        int objective = Math.max(this.objective, 0);
        if (objective >= study.directions().size()) {
            throw new IllegalArgumentException("study '" + study.name() + "' has " + study.directions().size()
                    + " objective(s); objective index " + objective + " is out of range");
        }
        boolean minimize = study.directions().get(objective) == StudyDirection.MINIMIZE;
        ToDoubleFunction<FrozenTrial> target = Targets.objective(objective);
        TrialData data = TrialData.of(study, target, parameters, MIN_TRIALS, "PED-ANOVA");
        boolean[] top = top(data.y(), minimize);
        int k = data.names().size();
        double[] divergence = new double[k];
        double total = 0;
        for (int p = 0; p < k; p++) {
            int bins = bins(data.distributions().get(p));
            int[] all = new int[bins];
            int[] best = new int[bins];
            for (int r = 0; r < data.y().length; r++) {
                int b = bin(data.x()[r][p], data.lower()[p], data.upper()[p], bins);
                all[b]++;
                if (top[r]) {
                    best[b]++;
                }
            }
            boolean categorical = data.distributions().get(p) instanceof CategoricalDistribution;
            divergence[p] = pearsonDivergence(density(best, categorical, priorWeight),
                    density(all, categorical, priorWeight));
            total += divergence[p];
        }
        List<ParameterImportance> list = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            list.add(new ParameterImportance(data.names().get(p), total > 0 ? divergence[p] / total : 0, 0,
                    divergence[p]));
        }
        list.sort(Comparator.comparingDouble(ParameterImportance::importance).reversed());
        List<String> notes = new ArrayList<>();
        int nTop = 0;
        for (boolean t : top) {
            nTop += t ? 1 : 0;
        }
        notes.add(nTop + " of " + top.length + " completed trials form the top " + Math.round(topQuantile * 100) + " %");
        if (!data.constant().isEmpty()) {
            notes.add("parameters that never varied were left out: " + data.constant());
        }
        if (data.skipped() > 0) {
            notes.add(data.skipped() + " trial(s) not complete or without a finite target were left out");
        }
        String label = study.directions().size() == 1 ? "the objective" : "objective " + objective;
        return new ImportanceResult("ped-anova", label, list, List.of(), data.y().length, data.skipped(), notes);
    }

    /**
     * The trials no worse than the {@code topQuantile} quantile (the "higher" order statistic at
     * {@code ceil(q (n - 1))}), and always at least the best two.
     */
    boolean[] top(double[] y, boolean minimize) {
        int n = y.length;
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            loss[i] = minimize ? y[i] : -y[i];
        }
        double[] sorted = loss.clone();
        Arrays.sort(sorted);
        double cutoff = Math.max(sorted[Math.min(1, n - 1)], sorted[(int) Math.ceil(topQuantile * (n - 1))]);
        boolean[] top = new boolean[n];
        for (int i = 0; i < n; i++) {
            top[i] = loss[i] <= cutoff;
        }
        return top;
    }

    private int bins(Distribution d) {
        if (d instanceof CategoricalDistribution c) {
            return c.choices().size();
        }
        long levels = Long.MAX_VALUE;
        if (d instanceof IntDistribution i && !i.log()) {
            levels = (i.high() - i.low()) / i.step() + 1;
        } else if (d instanceof FloatDistribution f && f.hasStep()) {
            levels = Math.round((f.high() - f.low()) / f.step()) + 1;
        }
        return (int) Math.min(levels, nSteps);
    }

    /** Bin of a column value in {@code [lower, upper]} cut into {@code bins} equal parts. */
    static int bin(double x, double lower, double upper, int bins) {
        int b = (int) Math.floor((x - lower) / (upper - lower) * bins);
        return Math.max(0, Math.min(bins - 1, b));
    }

    /** Parzen estimate over bins from their counts, with one prior observation of weight {@code priorWeight}. */
    static double[] density(int[] counts, boolean categorical, double priorWeight) {
        int bins = counts.length;
        double n = 0;
        for (int c : counts) {
            n += c;
        }
        double[] p = new double[bins];
        double sigma = categorical ? 0 : scottBandwidth(counts, n);
        for (int b = 0; b < bins; b++) {
            if (counts[b] == 0) {
                continue;
            }
            double[] kernel = categorical ? categoricalKernel(b, bins, priorWeight) : gaussianKernel(b, sigma, bins);
            for (int j = 0; j < bins; j++) {
                p[j] += counts[b] * kernel[j];
            }
        }
        double[] prior = categorical ? uniform(bins) : gaussianKernel((bins - 1) / 2.0, bins, bins);
        for (int j = 0; j < bins; j++) {
            p[j] = (p[j] + priorWeight * prior[j]) / (n + priorWeight);
        }
        return p;
    }

    /** Scott's rule, {@code 1.059 min(IQR / 1.34, sd) n^(-1/5)} in bins, at least 0.5 / 1.64. */
    private static double scottBandwidth(int[] counts, double n) {
        double mean = 0;
        for (int b = 0; b < counts.length; b++) {
            mean += b * counts[b] / n;
        }
        double ss = 0;
        for (int b = 0; b < counts.length; b++) {
            ss += counts[b] * (b - mean) * (b - mean);
        }
        double sd = Math.sqrt(ss / Math.max(1, n - 1));
        double iqr = quantileBin(counts, (long) n * 3 / 4, true) - quantileBin(counts, (long) n / 4, false);
        double sigma = 1.059 * Math.min(iqr / 1.34, sd) * Math.pow(n, -0.2);
        return Math.max(sigma, 0.5 / 1.64);
    }

    /**
     * The first bin whose cumulative count reaches {@code rank} (strictly exceeds it when {@code past}),
     * among bins with observations (a search in the cumulative counts, left or right).
     */
    private static int quantileBin(int[] counts, long rank, boolean past) {
        long cumulative = 0;
        int last = 0;
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] == 0) {
                continue;
            }
            cumulative += counts[b];
            last = b;
            if (past ? cumulative > rank : cumulative >= rank) {
                return b;
            }
        }
        return last;
    }

    /** Mass of bins 0..bins-1 under a normal(mu, sigma) truncated to [-1/2, bins - 1/2]. */
    private static double[] gaussianKernel(double mu, double sigma, int bins) {
        double[] k = new double[bins];
        double lo = cdf(-0.5, mu, sigma);
        double z = cdf(bins - 0.5, mu, sigma) - lo;
        double prev = lo;
        for (int j = 0; j < bins; j++) {
            double next = cdf(j + 0.5, mu, sigma);
            k[j] = (next - prev) / z;
            prev = next;
        }
        return k;
    }

    private static double cdf(double x, double mu, double sigma) {
        return 0.5 * Erf.erfc(-(x - mu) / (sigma * Math.sqrt(2)));
    }

    /** An observation of choice {@code b}: weight 1 on it plus {@code priorWeight} spread evenly, normalised. */
    private static double[] categoricalKernel(int b, int bins, double priorWeight) {
        double[] k = new double[bins];
        Arrays.fill(k, priorWeight / bins / (1 + priorWeight));
        k[b] += 1 / (1 + priorWeight);
        return k;
    }

    private static double[] uniform(int bins) {
        double[] u = new double[bins];
        Arrays.fill(u, 1.0 / bins);
        return u;
    }

    /** {@code sum_j q_j (p_j / q_j - 1)^2}, both densities lifted by 1e-12 against empty bins. */
    static double pearsonDivergence(double[] top, double[] all) {
        double d = 0;
        for (int j = 0; j < top.length; j++) {
            double p = top[j] + EPS;
            double q = all[j] + EPS;
            d += q * (p / q - 1) * (p / q - 1);
        }
        return d;
    }
}
