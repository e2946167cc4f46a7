package nas.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Constraint values of trials ({@link Trial#setConstraint}; {@code c <= 0} satisfied): validation,
 * and the "feasible first" rule that {@link Study#bestTrial()}, {@link Study#bestTrials()} and the
 * Pareto analysis share.
 */
public final class Constraints {

    private Constraints() {
    }

    /** The values as a list to store, after checking that there is at least one and none is NaN. */
    static List<Double> check(double... constraints) {
        if (constraints == null || constraints.length == 0) {
            throw new IllegalArgumentException("setConstraint needs at least one constraint value");
        }
        List<Double> out = new ArrayList<>(constraints.length);
        for (double c : constraints) {
            if (Double.isNaN(c)) {
                throw new IllegalArgumentException("constraint values must not be NaN, but got "
                        + java.util.Arrays.toString(constraints));
            }
            out.add(c);
        }
        return List.copyOf(out);
    }

    /**
     * The trials to rank when constraints count: the feasible ones when there are any, else those
     * with the least total violation ({@link FrozenTrial#constraintViolation()}), in the given order.
     * Trials without constraints are feasible.
     *
     * @param trials the COMPLETE trials
     * @return the trials to rank when constraints count
     */
    public static List<FrozenTrial> feasibleFirst(List<FrozenTrial> trials) {
        double least = Double.POSITIVE_INFINITY;
        for (FrozenTrial t : trials) {
            least = Math.min(least, t.constraintViolation());
        }
        List<FrozenTrial> pool = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (t.constraintViolation() == least) {
                pool.add(t);
            }
        }
        return pool;
    }
}
