package nas.pruners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import nas.api.FrozenTrial;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.Trial;
import nas.api.TrialState;
import nas.api.pruner.NopPruner;
import nas.api.pruner.Pruner;
import nas.api.sampler.RandomSampler;
import nas.pruners.curve.CurvePlugin;
import org.junit.jupiter.api.Test;

/**
 * What every pruner promises, whatever its rule. A subclass supplies the pruner (a new, equal
 * instance on every call).
 */
public abstract class PrunerContractTest {

    /** A fresh instance; equal instances must behave identically. */
    protected abstract Pruner pruner();

    /** 30 trials of 30-step learning curves, pruned by {@code pruner}. */
    private static Study run(String name, Pruner pruner, long seed) {
        Study study = Studies.builder(name).pruner(pruner).sampler(new RandomSampler(seed)).seed(seed).create();
        study.optimize(t -> CurvePlugin.run(t, 30, 0.02), 30);
        return study;
    }

    /** What identifies a study's outcome: per trial, its state, steps and values. */
    private static List<String> outcome(Study study) {
        List<String> out = new ArrayList<>();
        for (FrozenTrial t : study.trials()) {
            out.add(t.number() + " " + t.state() + " " + t.intermediateValues().size() + " " + t.values() + " "
                    + t.params());
        }
        return out;
    }

    @Test
    void neverPrunesATrialThatReportedNothing() {
        Study study = run("contract", pruner(), 1);
        Trial fresh = study.ask();
        assertThat(study.pruner().prune(study, fresh.snapshot())).isFalse();
        assertThat(fresh.shouldPrune()).isFalse();
        fresh.suggestFloat("lr", 1e-4, 1, true);
        assertThat(fresh.shouldPrune()).as("parameters but no report").isFalse();
    }

    @Test
    void leavesFinishedTrialsAsTheyWere() {
        Study study = run("contract", pruner(), 2);
        List<FrozenTrial> finished = study.trials(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL);
        assertThat(finished).hasSize(30);
        // more pruning questions, with odd values, from new trials
        double[] odd = {1e9, -1e9, Double.NaN, 0.0, 5.0};
        for (int i = 0; i < 4; i++) {
            Trial t = study.ask();
            for (int step = 0; step < 30; step++) {
                t.report(odd[(step + i) % odd.length], step);
                t.shouldPrune();
            }
        }
        // and about the finished trials themselves: never pruned, never written
        for (FrozenTrial t : finished) {
            assertThat(study.pruner().prune(study, t)).as("finished trial %d", t.number()).isFalse();
        }
        assertThat(study.trials(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL)).isEqualTo(finished);
    }

    @Test
    void isAnImmutableValue() {
        Pruner p = pruner();
        for (Class<?> c = p.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    assertThat(Modifier.isFinal(f.getModifiers())).as("field %s of %s", f.getName(), c).isTrue();
                }
            }
        }
        String before = p.toString();
        run("contract", p, 3);
        assertThat(p.toString()).isEqualTo(before);
        if (p.getClass().isRecord()) {
            assertThat(p).isEqualTo(pruner()).hasSameHashCodeAs(pruner());
        }
    }

    @Test
    void isDeterministicAndCarriesNothingFromOneStudyToAnother() {
        Pruner shared = pruner();
        List<String> first = outcome(run("contract", shared, 4));
        List<String> again = outcome(run("contract", shared, 4));
        List<String> fresh = outcome(run("contract", pruner(), 4));
        assertThat(again).isEqualTo(first);
        assertThat(fresh).isEqualTo(first);
        assertThat(outcome(run("contract", pruner(), 5))).as("another seed").isNotEqualTo(first);
    }

    @Test
    void aPrunedTrialKeepsItsLastReportedValue() {
        Study study = run("contract", pruner(), 6);
        for (FrozenTrial t : study.trials(TrialState.PRUNED)) {
            assertThat(t.values()).containsExactly(t.intermediateValues().lastEntry().getValue());
        }
    }

    @Test
    void refusesMultiObjectiveStudies() {
        Pruner p = pruner();
        Study mo = Studies.builder("mo").directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE).create();
        Trial t = mo.ask();
        if (p instanceof NopPruner) {
            assertThat(p.prune(mo, t.snapshot())).isFalse();
            return;
        }
        assertThatThrownBy(() -> Studies.builder("mo2").directions(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE)
                .pruner(p).create()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multi-objective");
        assertThatThrownBy(() -> p.prune(mo, t.snapshot())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multi-objective");
    }

    @Test
    void nanReportsNeverBreakIt() {
        Study study = run("contract", pruner(), 7);
        Trial t = study.ask();
        for (int step = 0; step < 30; step++) {
            t.report(Double.NaN, step);
            if (t.shouldPrune()) {
                study.tell(t, TrialState.PRUNED);
                return;
            }
        }
        study.tell(t, 1.0);
    }
}
