package nas.api.distribution;

/**
 * The range a parameter is drawn from. Every distribution maps its external values (what the
 * objective sees) to one internal {@code double} (what storage and samplers see): floats and ints
 * are themselves, a categorical value is the index of its choice.
 *
 * <p>Distributions are immutable records validated at construction; two distributions are the
 * same exactly when they are {@code equals}.
 */
public sealed interface Distribution permits FloatDistribution, IntDistribution, CategoricalDistribution {

    /**
     * Internal representation of an external value; throws if the value is not of this distribution.
     *
     * @param external the value as the objective sees it
     * @return the internal value
     */
    double toInternal(Object external);

    /**
     * External value of an internal representation.
     *
     * @param internal the internal (double) representation
     * @return the external value
     */
    Object toExternal(double internal);

    /**
     * Whether an internal value lies in this distribution (bounds, step grid, valid index).
     *
     * @param internal the internal (double) representation
     * @return whether an internal value lies in this distribution (bounds, step grid, valid index)
     */
    boolean contains(double internal);

    /**
     * True when the distribution holds exactly one value, which is then never sampled.
     *
     * @return true when the distribution holds exactly one value, which is then never sampled
     */
    boolean isSingle();

    /**
     * The only value of a single-valued distribution, internal representation.
     *
     * @return the only value of a single-valued distribution, internal representation
     */
    double singleValue();
}
