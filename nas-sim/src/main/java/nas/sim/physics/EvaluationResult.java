package nas.sim.physics;

/**
 * Outcome of one creature's simulation.
 *
 * @param fitness          the spec 6.1 fitness (0 if disqualified)
 * @param pelletsCollected pellets collected
 * @param disqualified     NaN/far/high position, or frequency exceeded in hybrid mode (spec 6.3)
 * @param comX             final centre-of-mass x
 * @param comZ             final centre-of-mass z
 * @param distanceTraveled XZ COM path length counted by the fitness
 */
public record EvaluationResult(double fitness, int pelletsCollected, boolean disqualified, double comX,
        double comZ, double distanceTraveled) {
}
