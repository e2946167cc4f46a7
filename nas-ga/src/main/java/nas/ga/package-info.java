/**
 * Neuroevolution GA lab: a genetic algorithm for network weights (truncation selection of the top P
 * parents out of C children, an unmutated re-evaluated elite, Gaussian mutation, optional crossover)
 * whose individuals are compact genomes — chains of mutation seeds replayed against a shared noise
 * table — with mutation schemes (fixed σ, self-adaptive per-parameter rates, norm-preserving,
 * momentum, one layer at a time), the memorisation task and a regression control task, per-generation
 * records (fitness, rates, tensor norms, interference) and an Adam baseline on the same networks.
 */
package nas.ga;
