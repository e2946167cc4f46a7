package nas.sim.genome;

/**
 * One body node (spec 2.1): a sphere of diameter {@code size} at a spawn position. Mass and radius are
 * derived from the size when simulated; {@code friction} is stored for parity but the physics uses a
 * constant ground friction.
 */
public record NodeGene(double size, double friction, double x, double y, double z) {

    public NodeGene {
        if (!(size > 0.0) || Double.isInfinite(size)) {
            throw new IllegalArgumentException("node size must be a finite number > 0, got " + size);
        }
        if (!Double.isFinite(friction) || !Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("node friction and position must be finite, got friction=" + friction
                    + " position=(" + x + ", " + y + ", " + z + ")");
        }
    }

    /** Mass = max(0.5, (4/3)*3.14159*(size/2)^3*10); the reference uses 3.14159, not pi (spec 2.1). */
    public double mass() {
        double r = size * 0.5;
        return Math.max(0.5, (4.0 / 3.0) * 3.14159 * r * r * r * 10.0);
    }

    public NodeGene withPosition(double nx, double ny, double nz) {
        return new NodeGene(size, friction, nx, ny, nz);
    }
}
