package nas.ga;

import nas.api.Limits;

/**
 * The GA's settings.
 *
 * @param parents    P: the top P of each generation breed the next
 * @param children   C: children per generation (plus the re-evaluated elite)
 * @param sigma      mutation step σ
 * @param scheme     fixed, self-adaptive or norm-preserving
 * @param tau        self-adaptive only: the step τ of the log-rates' own mutation
 * @param momentum   β in [0, 1): a child's step is β·(its parent's step) + the new noise; 0 turns it off
 * @param crossover  none, per tensor or per unit
 * @param oneLayer   mutate one layer (picked by the mutation's seed) instead of all layers
 */
public record GaSettings(int parents, int children, double sigma, MutationScheme scheme, double tau, double momentum,
        Crossover crossover, boolean oneLayer) {

    /** The default τ of the log-rates' own mutation. */
    public static final double DEFAULT_TAU = 0.1;

    /**
     * Validates the settings.
     *
     * @param parents   P
     * @param children  C
     * @param sigma     σ, finite and &gt; 0
     * @param scheme    the mutation scheme
     * @param tau       τ, finite and &ge; 0
     * @param momentum  β in [0, 1)
     * @param crossover none, per tensor or per unit
     * @param oneLayer  mutate one layer at a time
     * @throws IllegalArgumentException naming the setting out of range
     */
    public GaSettings {
        if (parents < 1 || children < 1 || parents > children + 1) {
            throw new IllegalArgumentException("need parents >= 1, children >= 1 and parents <= children + 1, got "
                    + parents + " parents and " + children + " children");
        }
        Limits.requireAtMost("children", children, Limits.MAX_POPULATION);
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and > 0, got " + sigma);
        }
        if (!(tau >= 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("tau must be finite and >= 0, got " + tau);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must lie in [0, 1), got " + momentum);
        }
        if (scheme == null || crossover == null) {
            throw new IllegalArgumentException("scheme and crossover are required");
        }
    }

    /**
     * Fixed σ, no momentum, no crossover, all layers.
     *
     * @param parents P, the top P of each generation breed the next
     * @param children C, children per generation
     * @param sigma the mutation step σ
     * @return the settings
     */
    public static GaSettings of(int parents, int children, double sigma) {
        return new GaSettings(parents, children, sigma, MutationScheme.FIXED, DEFAULT_TAU, 0, Crossover.NONE, false);
    }

    /**
     * These settings with another scheme.
     *
     * @param s the scheme
     * @return the new settings
     */
    public GaSettings withScheme(MutationScheme s) {
        return new GaSettings(parents, children, sigma, s, tau, momentum, crossover, oneLayer);
    }

    /**
     * These settings with another τ.
     *
     * @param t τ
     * @return the new settings
     */
    public GaSettings withTau(double t) {
        return new GaSettings(parents, children, sigma, scheme, t, momentum, crossover, oneLayer);
    }

    /**
     * These settings with another momentum.
     *
     * @param m β in [0, 1)
     * @return the new settings
     */
    public GaSettings withMomentum(double m) {
        return new GaSettings(parents, children, sigma, scheme, tau, m, crossover, oneLayer);
    }

    /**
     * These settings with another crossover.
     *
     * @param c the crossover
     * @return the new settings
     */
    public GaSettings withCrossover(Crossover c) {
        return new GaSettings(parents, children, sigma, scheme, tau, momentum, c, oneLayer);
    }

    /**
     * These settings mutating one layer at a time, or all.
     *
     * @param one one layer at a time
     * @return the new settings
     */
    public GaSettings withOneLayer(boolean one) {
        return new GaSettings(parents, children, sigma, scheme, tau, momentum, crossover, one);
    }

    /**
     * Evaluations per generation after the first: the children and the elite.
     *
     * @return C + 1
     */
    public int evaluationsPerGeneration() {
        return children + 1;
    }

    /**
     * Generations (the first one evaluates C random individuals) that fit in {@code evaluations}.
     *
     * @param evaluations the evaluation budget
     * @return the number of generations
     */
    public int generationsFor(long evaluations) {
        if (evaluations < children) {
            throw new IllegalArgumentException("an evaluation budget of " + evaluations + " does not cover the first "
                    + "generation's " + children + " children");
        }
        return (int) Math.min(Integer.MAX_VALUE, 1 + (evaluations - children) / evaluationsPerGeneration());
    }
}
