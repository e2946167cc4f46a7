package nas.analysis.importance;

/**
 * Importance of one parameter.
 *
 * @param name       parameter name
 * @param importance share, normalised to sum to 1 over the reported parameters
 * @param spread     standard deviation over the forest's trees (fANOVA, MDI) or half the bootstrap interval
 *                   (Morris), on the same scale as {@code importance}
 * @param fraction   the raw, unnormalised share behind {@code importance}: for fANOVA the mean over trees of
 *                   {@code V_i / V}, the fraction of the total variance the parameter's main effect explains,
 *                   on the same scale as {@link PairImportance#fraction()} (main effects and pairs together
 *                   sum to at most 1); for PED-ANOVA the raw Pearson divergence; NaN for evaluators
 *                   without such a quantity
 */
public record ParameterImportance(String name, double importance, double spread, double fraction) {

    /** An importance without a raw fraction. */
    public ParameterImportance(String name, double importance, double spread) {
        this(name, importance, spread, Double.NaN);
    }
}
