package nas.neat.data;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** The built-in classification tasks. */
public final class Datasets {

    /** Names accepted by {@link #builtIn}. */
    public static final List<String> NAMES = List.of("spirals", "xor", "circles");

    private Datasets() {
    }

    /**
     * The classic two-spirals task (Lang and Witbrock 1988): 97 points per spiral, point i at angle i·pi/16 and
     * radius 6.5·(104 - i)/104, the second spiral the point reflection of the first. 194 points, no noise.
     */
    public static Dataset spirals() {
        return spirals(0.0);
    }

    /**
     * The two spirals with every point moved {@code offset} of a step along its arm: point i at angle
     * (i + offset)·pi/16 and radius 6.5·(104 - i - offset)/104. Offset 0.5 gives the 194 points halfway between
     * the classic ones, the usual test of how a two-spirals solution generalises.
     */
    public static Dataset spirals(double offset) {
        int perSpiral = 97;
        double[] f = new double[2 * perSpiral * 2];
        int[] y = new int[2 * perSpiral];
        for (int i = 0; i < perSpiral; i++) {
            double angle = (i + offset) * Math.PI / 16.0;
            double radius = 6.5 * (104 - i - offset) / 104.0;
            double x0 = radius * Math.sin(angle);
            double x1 = radius * Math.cos(angle);
            f[4 * i] = x0;
            f[4 * i + 1] = x1;
            y[2 * i] = 0;
            f[4 * i + 2] = -x0;
            f[4 * i + 3] = -x1;
            y[2 * i + 1] = 1;
        }
        return new Dataset(f, y, 2, List.of("spiral-a", "spiral-b"));
    }

    /** The XOR truth table: (0,0) and (1,1) are class 0, (0,1) and (1,0) class 1. */
    public static Dataset xor() {
        return new Dataset(new double[] {0, 0, 0, 1, 1, 0, 1, 1}, new int[] {0, 1, 1, 0}, 2, List.of("0", "1"));
    }

    /**
     * Two concentric circles: {@code n} points, half on the unit circle (class 0), half on the circle of radius
     * {@code factor} (class 1), at evenly spaced angles, plus Gaussian noise of standard deviation {@code noise}.
     */
    public static Dataset circles(int n, double factor, double noise, long seed) {
        if (n < 4) {
            throw new IllegalArgumentException("circles needs at least 4 points, got " + n);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] f = new double[2 * n];
        int[] y = new int[n];
        int outer = n / 2;
        for (int i = 0; i < n; i++) {
            boolean inner = i >= outer;
            int k = inner ? i - outer : i;
            int count = inner ? n - outer : outer;
            double angle = 2 * Math.PI * k / count;
            double r = inner ? factor : 1.0;
            f[2 * i] = r * Math.cos(angle) + noise * gaussian(rng);
            f[2 * i + 1] = r * Math.sin(angle) + noise * gaussian(rng);
            y[i] = inner ? 1 : 0;
        }
        return new Dataset(f, y, 2, List.of("outer", "inner"));
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller from two uniforms (SplittableRandom has no nextGaussian before Java 17's RandomGenerator).
        double u = 1.0 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** {@link #builtIn(String, double, long)} with 30% held out for validation. */
    public static Split builtIn(String name, long seed) {
        return builtIn(name, 0.3, seed);
    }

    /**
     * A built-in task split for training and validation: spirals trained on the classic 194 points and validated
     * on the 194 points halfway between them ({@link #spirals(double) spirals(0.5)}; on the outer turns the
     * classic points of one arm lie farther apart than the two arms, so a random hold-out of them tests nothing
     * a smooth boundary can learn); circles (200 points, radii 1 and 0.5, noise 0.08) by a seeded split of
     * {@code validationFraction}; XOR trained and validated on its four rows (the task is to fit the truth table).
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Split builtIn(String name, double validationFraction, long seed) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "spirals" -> Split.separate(spirals(), spirals(0.5));
            case "xor" -> Split.same(xor());
            case "circles" -> Split.of(circles(200, 0.5, 0.08, seed), validationFraction, seed);
            default -> throw new IllegalArgumentException("unknown data set '" + name + "'; built-in: "
                    + String.join(", ", NAMES) + " (or a CSV file)");
        };
    }
}
