package nas.neat;

import java.util.Locale;

/**
 * Activation function of a NEAT neuron. The creature simulator evaluates every neuron with tanh; networks
 * trained by backpropagation ({@code nas.neat.learn}) use each neuron's own activation, so {@link #derivative}
 * gives dy/dx from the pre-activation x and the output y (whichever is cheaper).
 */
public enum Activation {
    TANH, RELU, SIGMOID, IDENTITY, SIN, GAUSS;

    /** y = f(x). */
    public double apply(double x) {
        return switch (this) {
            case TANH -> Math.tanh(x);
            case RELU -> x > 0.0 ? x : 0.0;
            case SIGMOID -> 1.0 / (1.0 + Math.exp(-x));
            case IDENTITY -> x;
            case SIN -> Math.sin(x);
            case GAUSS -> Math.exp(-x * x);
        };
    }

    /** f'(x), given x and y = f(x). */
    public double derivative(double x, double y) {
        return switch (this) {
            case TANH -> 1.0 - y * y;
            case RELU -> x > 0.0 ? 1.0 : 0.0;
            case SIGMOID -> y * (1.0 - y);
            case IDENTITY -> 1.0;
            case SIN -> Math.cos(x);
            case GAUSS -> -2.0 * x * y;
        };
    }

    /** Lower-case name, as in JSON and on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a lower- or upper-case name. */
    public static Activation parse(String name) {
        for (Activation a : values()) {
            if (a.key().equalsIgnoreCase(name.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("activation must be one of tanh, relu, sigmoid, identity, sin, gauss, got '"
                + name + "'");
    }
}
