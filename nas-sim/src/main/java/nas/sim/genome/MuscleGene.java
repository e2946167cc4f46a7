package nas.sim.genome;

/**
 * One muscle (spec 2.2): a damped spring between two nodes (by index into the genome's node list) whose
 * rest length the controller changes. {@code frequency/amplitude/phase} drive the oscillator in hybrid
 * and oscillator modes; the bias fields modulate only the oscillator mode (spec 3.6).
 */
public record MuscleGene(
        int nodeA,
        int nodeB,
        double restLength,
        double stiffness,
        double damping,
        double frequency,
        double amplitude,
        double phase,
        double directionBiasX,
        double directionBiasY,
        double directionBiasZ,
        double biasStrength,
        double velocityBiasX,
        double velocityBiasY,
        double velocityBiasZ,
        double velocityStrength,
        double distanceBias,
        double distanceStrength) {

    public MuscleGene {
        if (nodeA < 0 || nodeB < 0 || nodeA == nodeB) {
            throw new IllegalArgumentException(
                    "a muscle joins two distinct node indices >= 0, got nodeA=" + nodeA + " nodeB=" + nodeB);
        }
        if (!(restLength > 0.0) || Double.isInfinite(restLength)) {
            throw new IllegalArgumentException("restLength must be a finite number > 0, got " + restLength);
        }
        if (!(Double.isFinite(stiffness) && Double.isFinite(damping) && Double.isFinite(frequency)
                && Double.isFinite(amplitude) && Double.isFinite(phase) && Double.isFinite(directionBiasX)
                && Double.isFinite(directionBiasY) && Double.isFinite(directionBiasZ) && Double.isFinite(biasStrength)
                && Double.isFinite(velocityBiasX) && Double.isFinite(velocityBiasY) && Double.isFinite(velocityBiasZ)
                && Double.isFinite(velocityStrength) && Double.isFinite(distanceBias)
                && Double.isFinite(distanceStrength))) {
            throw new IllegalArgumentException("muscle genes must be finite, got stiffness=" + stiffness + " damping="
                    + damping + " frequency=" + frequency + " amplitude=" + amplitude + " phase=" + phase);
        }
    }

    /** True if the muscle joins nodes i and j in either order. */
    public boolean joins(int i, int j) {
        return (nodeA == i && nodeB == j) || (nodeA == j && nodeB == i);
    }

    public MuscleGene withNodes(int a, int b) {
        return new MuscleGene(a, b, restLength, stiffness, damping, frequency, amplitude, phase, directionBiasX,
                directionBiasY, directionBiasZ, biasStrength, velocityBiasX, velocityBiasY, velocityBiasZ,
                velocityStrength, distanceBias, distanceStrength);
    }

    public MuscleGene withRestLength(double length) {
        return new MuscleGene(nodeA, nodeB, length, stiffness, damping, frequency, amplitude, phase, directionBiasX,
                directionBiasY, directionBiasZ, biasStrength, velocityBiasX, velocityBiasY, velocityBiasZ,
                velocityStrength, distanceBias, distanceStrength);
    }
}
