package nas.sim.evolution;

import java.util.SplittableRandom;
import nas.api.Seeds;

/**
 * Derivation of independent random streams from a run seed and a path of keys (stream kind, generation,
 * creature index), so every draw depends on what is computed and never on thread scheduling. Mixing is
 * {@link Seeds#mix}; this key path is kept as it is so recorded runs replay exactly.
 */
public final class Streams {

    /** Stream kinds. */
    public static final long INIT = 0x1A17L;
    public static final long EVALUATE = 0xE7A1L;
    public static final long EVOLVE = 0xE701L;
    /** The choice of creatures whose frames are recorded (never used by evolution itself). */
    public static final long FRAMES = 0xF4A3L;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Streams() {
    }

    /** A 64-bit seed for the stream at {@code keys} under {@code seed}. */
    public static long derive(long seed, long... keys) {
        long h = Seeds.mix(seed + GOLDEN);
        for (long k : keys) {
            h = Seeds.mix(h + GOLDEN + Seeds.mix(k ^ 0x5DEECE66DL));
        }
        return h;
    }

    public static SplittableRandom random(long seed, long... keys) {
        return new SplittableRandom(derive(seed, keys));
    }
}
