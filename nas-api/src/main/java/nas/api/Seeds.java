package nas.api;

import java.util.SplittableRandom;

/**
 * Deterministic randomness: every random choice in NAS derives from a seed and the identity of
 * the choice (trial number, parameter name, ...), never from the clock or thread scheduling. So
 * the same seed gives the same study on one thread; with several, {@link OptimizeOptions#samplerLag()}
 * says what holds.
 */
public final class Seeds {

    private Seeds() {
    }

    /**
     * The SplitMix64 finalizer (Steele, Lea and Flood, 2014): a bijective 64-bit mixer.
     *
     * @param z the value to mix
     * @return the mixed value
     */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * A seed derived from a base seed and any number of identifying parts.
     *
     * @param seed the base seed
     * @param parts the identifying parts (e.g. trial number, parameter hash)
     * @return a seed derived from a base seed and any number of identifying parts
     */
    public static long derive(long seed, long... parts) {
        long h = mix(seed + 0x9e3779b97f4a7c15L);
        for (long p : parts) {
            h = mix(h ^ mix(p + 0x9e3779b97f4a7c15L));
        }
        return h;
    }

    /**
     * A stable 64-bit hash of a string (FNV-1a), the same in every JVM.
     *
     * @param s the string
     * @return a stable 64-bit hash of a string (FNV-1a), the same in every JVM
     */
    public static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /**
     * A uniform double in [0, 1) determined by its inputs.
     *
     * @param seed the base seed
     * @param parts the identifying parts (e.g. trial number, parameter hash)
     * @return a uniform double in [0, 1) determined by its inputs
     */
    public static double uniform(long seed, long... parts) {
        return (derive(seed, parts) >>> 11) * 0x1.0p-53;
    }

    /**
     * A generator determined by its inputs.
     *
     * @param seed the base seed
     * @param parts the identifying parts (e.g. trial number, parameter hash)
     * @return a generator determined by its inputs
     */
    public static SplittableRandom random(long seed, long... parts) {
        return new SplittableRandom(derive(seed, parts));
    }
}
