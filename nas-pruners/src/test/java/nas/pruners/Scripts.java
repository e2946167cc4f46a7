package nas.pruners;

import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.Trial;
import nas.api.TrialState;
import nas.api.pruner.Pruner;

/** Ask/report/tell scripts for pruner scenarios. */
final class Scripts {

    private Scripts() {
    }

    static Study study(Pruner pruner, StudyDirection direction) {
        return Studies.builder("scripted").directions(direction).pruner(pruner).create();
    }

    static Study study(Pruner pruner) {
        return study(pruner, StudyDirection.MINIMIZE);
    }

    /** A COMPLETE trial that reported {@code values[i]} at step i; its value is the last one. */
    static FrozenTrial complete(Study study, double... values) {
        Trial t = running(study, values);
        return study.tell(t, values.length == 0 ? 0.0 : lastFinite(values));
    }

    private static double lastFinite(double[] values) {
        for (int i = values.length - 1; i >= 0; i--) {
            if (Double.isFinite(values[i])) {
                return values[i];
            }
        }
        return 0.0;
    }

    /** A COMPLETE trial that reported the given step → value pairs. */
    static FrozenTrial completeAt(Study study, Map<Integer, Double> reports, double value) {
        Trial t = study.ask();
        new java.util.TreeMap<>(reports).forEach((step, v) -> t.report(v, step));
        return study.tell(t, value);
    }

    /** A RUNNING trial that reported {@code values[i]} at step i. */
    static Trial running(Study study, double... values) {
        Trial t = study.ask();
        for (int i = 0; i < values.length; i++) {
            t.report(values[i], i);
        }
        return t;
    }

    /** A PRUNED trial that reported {@code values[i]} at step i. */
    static FrozenTrial pruned(Study study, double... values) {
        return study.tell(running(study, values), TrialState.PRUNED);
    }
}
