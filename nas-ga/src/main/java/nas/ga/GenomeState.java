package nas.ga;

/**
 * What a genome decodes to: the weights, and the per-parameter log-rates (self-adaptive scheme) and
 * last step (momentum) when the settings use them.
 */
public final class GenomeState {

    final double[] weights;
    /** log of each parameter's mutation rate; null unless self-adaptive */
    final double[] logRates;
    /** the step that made this individual from its parent; null unless momentum is on */
    final double[] velocity;

    GenomeState(int size, boolean selfAdaptive, boolean momentum) {
        weights = new double[size];
        logRates = selfAdaptive ? new double[size] : null;
        velocity = momentum ? new double[size] : null;
    }

    static GenomeState forSettings(int size, GaSettings settings) {
        return new GenomeState(size, settings.scheme() == MutationScheme.SELF_ADAPTIVE, settings.momentum() > 0);
    }

    void copyFrom(GenomeState o) {
        System.arraycopy(o.weights, 0, weights, 0, weights.length);
        if (logRates != null) {
            System.arraycopy(o.logRates, 0, logRates, 0, logRates.length);
        }
        if (velocity != null) {
            System.arraycopy(o.velocity, 0, velocity, 0, velocity.length);
        }
    }

    /**
     * A copy of the weights.
     *
     * @return the copy
     */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * A copy of the log-rates, or null unless self-adaptive.
     *
     * @return the copy, or null
     */
    public double[] logRates() {
        return logRates == null ? null : logRates.clone();
    }

    /**
     * A copy of the last step, or null unless momentum is on.
     *
     * @return the copy, or null
     */
    public double[] velocity() {
        return velocity == null ? null : velocity.clone();
    }
}
