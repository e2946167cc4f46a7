package nas.sim.physics;

/**
 * Constants hard-coded in the reference physics (spec 3.1, 4.3, 5.3): they win over any config value of
 * the same name, which the reference never reads.
 */
public final class PhysicsConstants {

    public static final double GRAVITY = -9.8;
    public static final double GROUND_Y = 0.0;
    public static final double GROUND_FRICTION = 0.7;
    public static final double GROUND_RESTITUTION = 0.2;
    /** Velocity is multiplied by (1 - 0.1)^dt each step. */
    public static final double LINEAR_DAMPING = 0.1;
    /** Normalisation of the pellet-distance sensor. */
    public static final double MAX_PELLET_DISTANCE = 20.0;
    /** Spawn offset added to every node's genome y (spec 3.3). */
    public static final double SPAWN_Y_OFFSET = 1.0;
    /** Collection radius = node size/2 + this (spec 4.3). */
    public static final double COLLECTION_MARGIN = 0.35;
    /** XZ COM steps at or below this do not count as distance traveled (spec 6.1). */
    public static final double TRAVEL_STEP_THRESHOLD = 0.02;
    /** Pellet x and z are clamped to +- this * arena size (spec 4.2). */
    public static final double ARENA_CLAMP_FRACTION = 0.45;
    /** Minimum rest length in neural modes, and in oscillator mode (spec 3.4, 3.6). */
    public static final double MIN_REST_LENGTH = 0.01;
    public static final double MIN_OSCILLATOR_REST_LENGTH = 0.1;

    private PhysicsConstants() {
    }

    /** The collection radius of a node of diameter {@code size}: size/2 + 0.35. */
    public static double collectionRadius(double size) {
        return size * 0.5 + COLLECTION_MARGIN;
    }
}
