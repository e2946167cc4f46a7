package nas.sim.physics;

import java.util.random.RandomGenerator;

/**
 * The pellet spawn rule (spec 4.2). One pellet at a time; pellet {@code index} is placed around the
 * creature's current COM, beyond its stable radius R, in the half-circle opposite the previous pellet,
 * at an index-dependent distance and height, then clamped to the arena.
 */
public final class PelletSpawner {

    private PelletSpawner() {
    }

    /**
     * Stable creature radius R = max(1, 1.3 * max_i(|xz_i - c| + size_i/2)), with c the unweighted XZ
     * centroid of the nodes (spec 4.2).
     */
    public static double stableRadius(double[] x, double[] z, double[] size, int n) {
        double cx = 0.0;
        double cz = 0.0;
        for (int i = 0; i < n; i++) {
            cx += x[i];
            cz += z[i];
        }
        cx /= n;
        cz /= n;
        double max = 0.0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - cx;
            double dz = z[i] - cz;
            max = Math.max(max, Math.sqrt(dx * dx + dz * dz) + size[i] * 0.5);
        }
        return Math.max(1.0, 1.3 * max);
    }

    /**
     * Draws pellet {@code index} and writes {x, y, z, angle} into {@code out}.
     *
     * @param previousAngle the unwrapped angle of the previous pellet, or NaN for the first
     */
    public static void spawn(int index, double previousAngle, double comX, double comZ, double radius,
            double arenaSize, RandomGenerator rng, double[] out) {
        double angle;
        if (index == 0 || Double.isNaN(previousAngle)) {
            angle = rng.nextDouble() * 2.0 * Math.PI;
        } else {
            // opposite half-circle: theta_prev + pi + U(-pi/2, pi/2); stored unwrapped
            angle = previousAngle + Math.PI + (rng.nextDouble() - 0.5) * Math.PI;
        }
        // distance from the edge: index 0 -> U(7, 8); 1-2 -> U(8, 9); 3+ -> U(9, 10)
        double lo = index == 0 ? 7.0 : index <= 2 ? 8.0 : 9.0;
        double dist = radius + lo + rng.nextDouble();
        double y = 0.5 + 0.5 * rng.nextDouble() + 0.3 * index;
        double clamp = PhysicsConstants.ARENA_CLAMP_FRACTION * arenaSize;
        double x = clamp(comX + Math.cos(angle) * dist, -clamp, clamp);
        double z = clamp(comZ + Math.sin(angle) * dist, -clamp, clamp);
        out[0] = x;
        out[1] = y;
        out[2] = z;
        out[3] = angle;
    }

    static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }
}
