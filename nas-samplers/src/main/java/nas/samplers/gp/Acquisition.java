package nas.samplers.gp;

import java.util.List;

/**
 * The acquisition function the GP sampler maximises over the unit cube (larger is better):
 * {@code ln EI(x) + Σ_c ln P(c(x) ≤ 0)} — log expected improvement of the (standardised,
 * to-be-maximised) objective over the best feasible value, plus the log probability that each
 * modelled constraint holds (Gardner et al., 2014, "Bayesian Optimization with Inequality
 * Constraints"). With no feasible observation yet, only the feasibility term counts.
 * Both terms use {@link LogEi}'s stable forms, so the value is finite far from the data. Not
 * thread-safe (work arrays): one instance per sampling call.
 */
final class Acquisition {

    /** A constraint model: a GP of the standardised constraint and the standardised threshold 0. */
    record Constraint(GaussianProcess model, double threshold) {
    }

    private final GaussianProcess objective; // null when nothing is feasible yet
    private final double best;
    private final List<Constraint> constraints;
    private final double[] out = new double[2];
    private final double[] dMean;
    private final double[] dVar;

    Acquisition(GaussianProcess objective, double best, List<Constraint> constraints, int dimension) {
        this.objective = objective;
        this.best = best;
        this.constraints = constraints;
        this.dMean = new double[dimension];
        this.dVar = new double[dimension];
    }

    /** The acquisition at {@code x}; {@code gradient} (or null) receives its gradient along numeric columns. */
    double value(double[] x, double[] gradient) {
        boolean wantGradient = gradient != null;
        if (wantGradient) {
            java.util.Arrays.fill(gradient, 0);
        }
        double total = 0;
        if (objective != null) {
            objective.predict(x, out, wantGradient ? dMean : null, wantGradient ? dVar : null);
            double sd = Math.sqrt(out[1]);
            double z = (out[0] - best) / sd;
            total += Math.log(sd) + LogEi.logH(z);
            if (wantGradient) {
                double dh = LogEi.logHDerivative(z);
                for (int c = 0; c < x.length; c++) {
                    double dSd = dVar[c] / (2 * sd);
                    double dz = dMean[c] / sd - z * dSd / sd;
                    gradient[c] += dSd / sd + dh * dz;
                }
            }
        }
        for (Constraint con : constraints) {
            con.model().predict(x, out, wantGradient ? dMean : null, wantGradient ? dVar : null);
            double sd = Math.sqrt(out[1]);
            double z = (con.threshold() - out[0]) / sd;
            total += LogEi.logCdf(z);
            if (wantGradient) {
                double dl = LogEi.logCdfDerivative(z);
                for (int c = 0; c < x.length; c++) {
                    double dSd = dVar[c] / (2 * sd);
                    gradient[c] += dl * (-dMean[c] / sd - z * dSd / sd);
                }
            }
        }
        return total;
    }

    /** The negated acquisition, for {@link Lbfgs}, which minimises. */
    Lbfgs.Function negated() {
        return (x, g) -> {
            double v = value(x, g);
            for (int i = 0; i < g.length; i++) {
                g[i] = -g[i];
            }
            return -v;
        };
    }
}
