package nas.analysis.importance;

/**
 * Elementary-effects statistics of one parameter.
 *
 * @param mu          mean elementary effect (signed; effects of opposite sign cancel)
 * @param muStar      mean absolute elementary effect (Campolongo et al. 2007), the screening measure
 * @param sigma       sample standard deviation of the effects (n - 1 in the denominator): non-linearity
 *                    or interaction with other parameters; NaN with fewer than two effects
 * @param muStarLow   lower end of the bootstrap percentile interval of {@code muStar}
 * @param muStarHigh  upper end of the bootstrap percentile interval of {@code muStar}
 * @param effects     number of elementary effects the statistics rest on
 */
public record MorrisIndices(double mu, double muStar, double sigma, double muStarLow, double muStarHigh, int effects) {
}
