package nas.api;

/**
 * Pareto dominance and Deb's constrained domination, all in minimization form.
 *
 * <p>Constraint values follow the convention {@code c <= 0} means satisfied; a solution's
 * violation is {@code sum(max(0, c_i))} (Deb, "An efficient constraint handling method for
 * genetic algorithms", 2000), so a violation of 0 means feasible.
 */
public final class Dominance {
    private Dominance() {}

    /**
     * Whether {@code a} is no worse than {@code b} in every objective and better in one.
     *
     * @param a objective values in minimization form
     * @param b objective values in minimization form, as many as {@code a}
     * @return true when {@code a} dominates {@code b}
     */
    public static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int m = 0; m < a.length; m++) {
            if (a[m] > b[m]) {
                return false;
            }
            if (a[m] < b[m]) {
                better = true;
            }
        }
        return better;
    }

    /**
     * Deb's constrained domination: a feasible solution beats an infeasible one; of two
     * infeasible solutions the one with the smaller total violation wins; two feasible ones are
     * compared by Pareto dominance.
     *
     * @param a objective values of the first solution, in minimization form
     * @param violationA total constraint violation of the first solution (0 when feasible)
     * @param b objective values of the second solution, in minimization form
     * @param violationB total constraint violation of the second solution (0 when feasible)
     * @return true when the first solution beats the second
     */
    public static boolean constrainedDominates(double[] a, double violationA, double[] b, double violationB) {
        boolean feasibleA = violationA <= 0.0;
        boolean feasibleB = violationB <= 0.0;
        if (feasibleA && feasibleB) {
            return dominates(a, b);
        }
        if (feasibleA) {
            return true;
        }
        if (feasibleB) {
            return false;
        }
        return violationA < violationB;
    }

    /**
     * Total violation {@code sum(max(0, c_i))} of constraint values where {@code c <= 0} is satisfied.
     *
     * @param constraints the constraint values
     * @return the total violation, 0 when every constraint is satisfied
     * @throws IllegalArgumentException when a value is NaN
     */
    public static double violation(double[] constraints) {
        double total = 0.0;
        for (double c : constraints) {
            if (Double.isNaN(c)) {
                throw new IllegalArgumentException("constraint values must not be NaN, got " + java.util.Arrays.toString(constraints));
            }
            if (c > 0.0) {
                total += c;
            }
        }
        return total;
    }
}
