package nas.analysis.importance;

/**
 * Importance of one parameter.
 *
 * @param name       parameter name
 * @param importance share, normalised to sum to 1 over the reported parameters
 * @param spread     standard deviation over the forest's trees (fANOVA, MDI) or half the bootstrap interval
 *                   (Morris), on the same scale as {@code importance}
 */
public record ParameterImportance(String name, double importance, double spread) {
}
