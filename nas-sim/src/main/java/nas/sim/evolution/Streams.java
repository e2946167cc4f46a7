package nas.sim.evolution;

/**
 * The kinds of random stream of an evolution run: every draw comes from {@link nas.api.Seeds#random}
 * over the run seed and a path of keys (stream kind, generation, creature index), so it depends on
 * what is computed and never on thread scheduling.
 */
public final class Streams {

    /** Stream kinds. */
    public static final long INIT = 0x1A17L;
    public static final long EVALUATE = 0xE7A1L;
    public static final long EVOLVE = 0xE701L;
    /** The choice of creatures whose frames are recorded (never used by evolution itself). */
    public static final long FRAMES = 0xF4A3L;

    private Streams() {
    }
}
