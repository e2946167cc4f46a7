package nas.neat.learn;

import java.util.Locale;

/** Gradient step rule. */
public enum Optimizer {
    /** Adam (Kingma and Ba 2015) with beta1 0.9, beta2 0.999, epsilon 1e-8 and bias correction. */
    ADAM,
    /** Plain gradient descent: p -= lr·g. */
    SGD;

    public static Optimizer parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "adam" -> ADAM;
            case "sgd" -> SGD;
            default -> throw new IllegalArgumentException("optimizer must be adam or sgd, got '" + name + "'");
        };
    }
}
