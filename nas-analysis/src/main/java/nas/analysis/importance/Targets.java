package nas.analysis.importance;

import java.util.function.ToDoubleFunction;
import nas.api.FrozenTrial;

/** Common targets of the importance evaluators. */
public final class Targets {

    private Targets() {
    }

    /** Objective value {@code index} of a trial (NaN when the trial has no such value). */
    public static ToDoubleFunction<FrozenTrial> objective(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("objective index must be >= 0, got " + index);
        }
        return t -> t.values().size() > index ? t.values().get(index) : Double.NaN;
    }
}
