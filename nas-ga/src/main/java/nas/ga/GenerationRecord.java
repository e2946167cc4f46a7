package nas.ga;

/**
 * What one generation produced.
 *
 * @param generation        0 for the random first generation
 * @param evaluations       fitness evaluations so far, this generation included
 * @param bestFitness       the best fitness among this generation's children and the elite
 * @param meanFitness       mean fitness of this generation's children
 * @param bestLoss          the loss of the best individual
 * @param bestCorrect       points the best individual classifies correctly (0 when the task does not classify)
 * @param rateMean          self-adaptive only (else NaN): mean of the rates exp(r) over the new parents' parameters
 * @param rateVariance      self-adaptive only (else NaN): their variance
 * @param tensorNorms       each tensor's norm in the best individual
 * @param tensorLogRates    self-adaptive only (else null): each tensor's mean log-rate over the new parents
 * @param interference      mean over children of the fraction of their parent's correct points they get wrong
 *                          (NaN in the first generation or when the task does not classify)
 */
public record GenerationRecord(int generation, long evaluations, double bestFitness, double meanFitness,
        double bestLoss, int bestCorrect, double rateMean, double rateVariance, double[] tensorNorms,
        double[] tensorLogRates, double interference) {
}
