package nas.samplers.gp;

import java.util.Arrays;

/**
 * Limited-memory BFGS minimisation with optional box bounds, by projection: the search direction
 * is the two-loop recursion {@code −H∇f} (Nocedal and Wright, "Numerical Optimization", 2nd ed.,
 * Algorithm 7.4) restricted to the variables not held at a bound, each trial point is projected
 * onto the box, and the step is accepted by backtracking until the Armijo condition
 * {@code f(x⁺) ≤ f(x) + c₁ ∇fᵀ(x⁺ − x)} holds (ibid. eq. 3.6a). A pair (s, y) enters the memory
 * only when {@code sᵀy > 0}, which keeps H positive definite.
 */
final class Lbfgs {

    /** f and its gradient: returns f(x) and writes ∇f(x) into {@code gradient}. */
    interface Function {
        double value(double[] x, double[] gradient);
    }

    private static final int MEMORY = 8;
    private static final double C1 = 1e-4;

    private Lbfgs() {
    }

    /**
     * Minimises {@code f} from {@code x} (overwritten with the result; projected onto the box
     * first). {@code lower}/{@code upper} are null for an unbounded problem.
     *
     * @return the final value f(x)
     */
    static double minimize(Function f, double[] x, double[] lower, double[] upper, int maxIterations, double tolerance) {
        int n = x.length;
        project(x, lower, upper);
        double[] g = new double[n];
        double fx = f.value(x, g);
        double[][] s = new double[MEMORY][n];
        double[][] y = new double[MEMORY][n];
        double[] rho = new double[MEMORY];
        double[] a = new double[MEMORY];
        int stored = 0;
        int head = 0;
        double[] dir = new double[n];
        double[] xn = new double[n];
        double[] gn = new double[n];
        for (int it = 0; it < maxIterations && Double.isFinite(fx); it++) {
            // two-loop recursion, newest pair first
            for (int i = 0; i < n; i++) {
                dir[i] = held(x[i], g[i], lower, upper, i) ? 0 : -g[i];
            }
            if (norm(dir) <= tolerance) {
                break;
            }
            for (int k = 0; k < stored; k++) {
                int m = Math.floorMod(head - 1 - k, MEMORY);
                a[m] = rho[m] * dot(s[m], dir);
                axpy(-a[m], y[m], dir);
            }
            if (stored > 0) {
                int m = Math.floorMod(head - 1, MEMORY);
                double gamma = dot(s[m], y[m]) / dot(y[m], y[m]);
                for (int i = 0; i < n; i++) {
                    dir[i] *= gamma;
                }
            }
            for (int k = stored - 1; k >= 0; k--) {
                int m = Math.floorMod(head - 1 - k, MEMORY);
                double b = rho[m] * dot(y[m], dir);
                axpy(a[m] - b, s[m], dir);
            }
            for (int i = 0; i < n; i++) {
                if (held(x[i], g[i], lower, upper, i)) {
                    dir[i] = 0;
                }
            }
            if (dot(dir, g) >= 0) { // not a descent direction: restart from steepest descent
                stored = 0;
                for (int i = 0; i < n; i++) {
                    dir[i] = held(x[i], g[i], lower, upper, i) ? 0 : -g[i];
                }
            }
            double step = stored == 0 ? Math.min(1, 1 / Math.max(norm(dir), 1e-12)) : 1;
            double fn = Double.NaN;
            boolean accepted = false;
            for (int ls = 0; ls < 40; ls++) {
                for (int i = 0; i < n; i++) {
                    xn[i] = x[i] + step * dir[i];
                }
                project(xn, lower, upper);
                double decrease = 0;
                for (int i = 0; i < n; i++) {
                    decrease += g[i] * (xn[i] - x[i]);
                }
                fn = f.value(xn, gn);
                if (Double.isFinite(fn) && fn <= fx + C1 * decrease) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                break;
            }
            double[] sNew = s[head];
            double[] yNew = y[head];
            for (int i = 0; i < n; i++) {
                sNew[i] = xn[i] - x[i];
                yNew[i] = gn[i] - g[i];
            }
            double sy = dot(sNew, yNew);
            if (sy > 1e-12) {
                rho[head] = 1 / sy;
                head = (head + 1) % MEMORY;
                stored = Math.min(stored + 1, MEMORY);
            }
            double change = fx - fn;
            System.arraycopy(xn, 0, x, 0, n);
            System.arraycopy(gn, 0, g, 0, n);
            fx = fn;
            if (change <= tolerance * Math.max(1, Math.abs(fx))) {
                break;
            }
        }
        return fx;
    }

    /** Variable i sits at a bound and the gradient pushes it outward. */
    private static boolean held(double xi, double gi, double[] lower, double[] upper, int i) {
        return lower != null && ((xi <= lower[i] && gi > 0) || (xi >= upper[i] && gi < 0));
    }

    private static void project(double[] x, double[] lower, double[] upper) {
        if (lower == null) {
            return;
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    private static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    static double[] copy(double[] v) {
        return Arrays.copyOf(v, v.length);
    }
}
