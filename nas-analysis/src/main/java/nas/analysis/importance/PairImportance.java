package nas.analysis.importance;

/**
 * Interaction of two parameters (fANOVA): mean over trees of {@code V_ij / V}, not normalised.
 *
 * @param first    one parameter
 * @param second   the other
 * @param fraction share of the total variance explained by the pair's interaction alone
 * @param spread   standard deviation over trees
 */
public record PairImportance(String first, String second, double fraction, double spread) {
}
