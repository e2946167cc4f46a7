package nas.samplers.qmc;

import java.util.SplittableRandom;
import nas.api.Seeds;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * A low-discrepancy sequence in the unit cube, addressed by index so that any worker can compute
 * point i without the others. Scrambling with a seed keeps the equidistribution of the sequence
 * while making it random (and unbiased as an integration rule):
 * <ul>
 *   <li>Sobol (Joe–Kuo direction numbers, from commons-math3) with a random digital shift: every
 *       coordinate's 52-bit fraction is XORed with a seeded random mask, which maps each
 *       elementary dyadic interval onto another, so (t, m, s)-net properties survive;</li>
 *   <li>Halton (radical inverses in the first primes) with random digit permutations: digit j of
 *       coordinate d goes through its own seeded permutation of {0..b−1} (a "generalized"
 *       Halton sequence, as in Owen's and Faure's scramblings), removing the correlation between
 *       high-prime coordinates of the plain sequence.</li>
 * </ul>
 * Instances are immutable and thread-safe.
 */
public abstract sealed class QmcSequence permits QmcSequence.Sobol, QmcSequence.Halton {

    /** The sequences on offer. */
    public enum Kind {
        /** Sobol's sequence (Joe and Kuo's direction numbers), the default, as Optuna's. */
        SOBOL,
        /** Halton's sequence: radical inverses in the first primes. */
        HALTON;

        /** Parses {@code sobol} or {@code halton}. */
        public static Kind parse(String text) {
            switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "sobol": return SOBOL;
                case "halton": return HALTON;
                default:
                    throw new IllegalArgumentException("QMC type must be sobol or halton, but got '" + text + "'");
            }
        }
    }

    final int dimension;

    QmcSequence(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, but got " + dimension);
        }
        this.dimension = dimension;
    }

    /** A sequence of {@code kind}; {@code scramble} false gives the plain one (seed unused). */
    public static QmcSequence of(Kind kind, int dimension, boolean scramble, long seed) {
        return kind == Kind.SOBOL ? new Sobol(dimension, scramble, seed) : new Halton(dimension, scramble, seed);
    }

    /**
     * The number of coordinates of every point.
     *
     * @return the dimension
     */
    public int dimension() {
        return dimension;
    }

    /** Point {@code index} (≥ 0) of the sequence, written into {@code out}, each coordinate in [0, 1). */
    public abstract void point(long index, double[] out);

    /** Sobol with a digital shift. */
    public static final class Sobol extends QmcSequence {
        private static final int BITS = 52;
        private static final double SCALE = 0x1.0p52;
        private static final java.util.concurrent.ConcurrentHashMap<Integer, SobolSequenceGenerator> GENERATORS =
                new java.util.concurrent.ConcurrentHashMap<>();
        private final long[] shift;

        Sobol(int dimension, boolean scramble, long seed) {
            super(dimension);
            if (dimension > 21201) {
                throw new IllegalArgumentException("Sobol supports at most 21201 dimensions, but got " + dimension);
            }
            shift = new long[dimension];
            if (scramble) {
                SplittableRandom rng = Seeds.random(seed, Seeds.hash("qmc:sobol"));
                for (int d = 0; d < dimension; d++) {
                    shift[d] = rng.nextLong() >>> (64 - BITS);
                }
            }
        }

        @Override
        public void point(long index, double[] out) {
            if (index < 0 || index > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("index must lie in [0, 2^31), but got " + index);
            }
            // commons-math3's generator reads its direction numbers from a resource (slow) and moves
            // a cursor (not thread-safe): one shared generator per dimension, used under its lock
            SobolSequenceGenerator gen = GENERATORS.computeIfAbsent(dimension, SobolSequenceGenerator::new);
            double[] p;
            synchronized (gen) {
                p = gen.skipTo((int) index);
            }
            for (int d = 0; d < dimension; d++) {
                long bits = (long) (p[d] * SCALE);
                out[d] = (bits ^ shift[d]) / SCALE;
            }
        }
    }

    /** Halton with random digit permutations. */
    public static final class Halton extends QmcSequence {
        private final int[] bases;
        private final int[][][] perms; // [dim][digit][value]

        Halton(int dimension, boolean scramble, long seed) {
            super(dimension);
            bases = firstPrimes(dimension);
            perms = new int[dimension][][];
            SplittableRandom rng = Seeds.random(seed, Seeds.hash("qmc:halton"));
            for (int d = 0; d < dimension; d++) {
                int b = bases[d];
                int digits = (int) Math.ceil(53 * Math.log(2) / Math.log(b));
                perms[d] = new int[digits][b];
                for (int j = 0; j < digits; j++) {
                    int[] pi = perms[d][j];
                    for (int v = 0; v < b; v++) {
                        pi[v] = v;
                    }
                    if (scramble) {
                        for (int v = b - 1; v > 0; v--) {
                            int w = rng.nextInt(v + 1);
                            int t = pi[v];
                            pi[v] = pi[w];
                            pi[w] = t;
                        }
                    }
                }
            }
        }

        @Override
        public void point(long index, double[] out) {
            if (index < 0) {
                throw new IllegalArgumentException("index must be >= 0, but got " + index);
            }
            for (int d = 0; d < dimension; d++) {
                int b = bases[d];
                int[][] pi = perms[d];
                long i = index;
                double x = 0;
                double f = 1.0 / b;
                // all digits, including the leading zeros of i, which a scramble turns into non-zeros
                for (int j = 0; j < pi.length; j++) {
                    x += pi[j][(int) (i % b)] * f;
                    i /= b;
                    f /= b;
                }
                out[d] = Math.min(x, Math.nextDown(1.0));
            }
        }

        static int[] firstPrimes(int n) {
            int[] p = new int[n];
            int count = 0;
            for (int c = 2; count < n; c++) {
                boolean prime = true;
                for (int k = 0; k < count && p[k] * p[k] <= c; k++) {
                    if (c % p[k] == 0) {
                        prime = false;
                        break;
                    }
                }
                if (prime) {
                    p[count++] = c;
                }
            }
            return p;
        }
    }
}
