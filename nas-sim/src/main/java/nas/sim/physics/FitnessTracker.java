package nas.sim.physics;

import nas.sim.config.LabConfig;

/**
 * Fitness bookkeeping of one creature (spec 3.4 steps 11-13, 6.1) on primitive fields, so the step loop
 * does not allocate. The simulator feeds it the COM after every step; tests can feed constructed
 * trajectories.
 */
public final class FitnessTracker {

    private double radius;
    private double pelletX;
    private double pelletZ;
    private double initialDistance;
    private double closestDistance;
    private double distanceTraveled;
    private double lastComX;
    private double lastComZ;
    private double activation;
    private int collected;

    /** Starts a creature at COM (comX, comZ) with stable radius R. */
    public void reset(double stableRadius, double comX, double comZ) {
        this.radius = stableRadius;
        this.lastComX = comX;
        this.lastComZ = comZ;
        this.distanceTraveled = 0.0;
        this.activation = 0.0;
        this.collected = 0;
        this.initialDistance = 0.0;
        this.closestDistance = 0.0;
    }

    /** Edge distance max(0, |pellet_xz - com_xz| - R); ignores y (spec 4.2). */
    public double edgeDistance(double comX, double comZ) {
        double dx = pelletX - comX;
        double dz = pelletZ - comZ;
        return Math.max(0.0, Math.sqrt(dx * dx + dz * dz) - radius);
    }

    /** A new pellet: its initial distance and the closest distance are the current edge distance. */
    public void startPellet(double px, double pz, double comX, double comZ) {
        this.pelletX = px;
        this.pelletZ = pz;
        this.initialDistance = edgeDistance(comX, comZ);
        this.closestDistance = initialDistance;
    }

    /** Spec 3.4 step 13: count the pellet; the caller then spawns the next one with {@link #startPellet}. */
    public void collect() {
        collected++;
    }

    /**
     * Spec 3.4 step 11: XZ COM steps longer than 0.02 add to the distance traveled; the closest edge
     * distance is updated.
     */
    public void recordCom(double comX, double comZ) {
        double dx = comX - lastComX;
        double dz = comZ - lastComZ;
        double step = Math.sqrt(dx * dx + dz * dz);
        if (step > PhysicsConstants.TRAVEL_STEP_THRESHOLD) {
            distanceTraveled += step;
        }
        lastComX = comX;
        lastComZ = comZ;
        closestDistance = Math.min(closestDistance, edgeDistance(comX, comZ));
    }

    /** Spec 3.4 step 12: add the step's summed |output| over valid muscles. */
    public void addActivation(double a) {
        activation += a;
    }

    public int collected() {
        return collected;
    }

    public double distanceTraveled() {
        return distanceTraveled;
    }

    public double initialDistance() {
        return initialDistance;
    }

    public double closestDistance() {
        return closestDistance;
    }

    public double activation() {
        return activation;
    }

    /**
     * The fitness formula (spec 6.1) at final COM (comX, comZ): max(0, banked + progress + distance -
     * efficiency - regression), 0 if disqualified or not finite.
     *
     * @param duration    T = num_steps * dt
     * @param muscleCount valid muscles M (at least 1 is used)
     */
    public double fitness(LabConfig c, double comX, double comZ, double duration, int muscleCount,
            boolean disqualified) {
        if (disqualified) {
            return 0.0;
        }
        double f = formula(c, collected, edgeDistance(comX, comZ), initialDistance, closestDistance,
                distanceTraveled, activation, duration, muscleCount);
        return Double.isFinite(f) ? f : 0.0;
    }

    /**
     * Spec 6.1 as a pure function.
     *
     * @param n  pellets collected
     * @param d  edge distance to the current pellet
     * @param d0 its initial edge distance
     * @param dStar closest edge distance reached for it
     */
    public static double formula(LabConfig c, int n, double d, double d0, double dStar, double traveled,
            double activation, double duration, int muscleCount) {
        return terms(c, n, d, d0, dStar, traveled, activation, duration, muscleCount).total();
    }

    /** The terms of spec 6.1 at final COM (comX, comZ), for showing how a fitness came about. */
    public Terms terms(LabConfig c, double comX, double comZ, double duration, int muscleCount) {
        return terms(c, collected, edgeDistance(comX, comZ), initialDistance, closestDistance, distanceTraveled,
                activation, duration, muscleCount);
    }

    /** The terms of spec 6.1 (arguments as {@link #formula}). */
    public static Terms terms(LabConfig c, int n, double d, double d0, double dStar, double traveled,
            double activation, double duration, int muscleCount) {
        double banked = n * (c.fitnessPelletPoints() + c.fitnessProgressMax());
        double progress = clamp01((d0 - d) / Math.max(d0, 0.01)) * c.fitnessProgressMax();
        double distance = Math.min(Math.max(traveled * c.fitnessDistancePerUnit(), 0.0), c.fitnessDistanceTraveledMax());
        double regression = 0.0;
        if (n > 0) {
            regression = clamp01(Math.max(0.0, d - dStar) / Math.max(0.5 * d0, 0.01)) * c.fitnessRegressionPenalty();
        }
        int m = Math.max(1, muscleCount);
        double efficiency = (activation / (duration * m)) / 60.0 * 10.0 * c.fitnessEfficiencyPenalty();
        return new Terms(banked, progress, distance, efficiency, regression);
    }

    /**
     * The parts of the fitness: pellets banked, progress towards the current pellet, distance traveled, minus
     * the efficiency and regression penalties.
     */
    public record Terms(double banked, double progress, double distance, double efficiency, double regression) {
        /** max(0, banked + progress + distance - efficiency - regression). */
        public double total() {
            return Math.max(0.0, banked + progress + distance - efficiency - regression);
        }
    }

    private static double clamp01(double v) {
        return v < 0.0 ? 0.0 : v > 1.0 ? 1.0 : v;
    }
}
