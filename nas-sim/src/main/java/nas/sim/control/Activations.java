package nas.sim.control;

import nas.sim.config.Activation;

/** Activation functions of the networks; tanh through exp, which the JIT compiles to an intrinsic. */
public final class Activations {

    private Activations() {
    }

    /**
     * tanh(x) = 1 - 2/(e^{2x} + 1). Agrees with {@link Math#tanh} to a few ulps, saturates correctly
     * (e^{2x} = inf gives 1, e^{2x} = 0 gives -1) and propagates NaN.
     */
    public static double tanh(double x) {
        return 1.0 - 2.0 / (Math.exp(2.0 * x) + 1.0);
    }

    public static double apply(Activation a, double x) {
        return switch (a) {
            case TANH -> tanh(x);
            case RELU -> x > 0.0 ? x : 0.0;
            case SIGMOID -> 1.0 / (1.0 + Math.exp(-x));
        };
    }
}
