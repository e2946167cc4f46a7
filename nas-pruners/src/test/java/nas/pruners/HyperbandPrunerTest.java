package nas.pruners;

import static nas.pruners.Scripts.complete;
import static nas.pruners.Scripts.study;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nas.api.FrozenTrial;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyView;
import nas.api.Trial;
import nas.api.distribution.Distribution;
import nas.api.sampler.RandomSampler;
import nas.api.sampler.Sampler;
import nas.pruners.curve.CurvePlugin;
import org.junit.jupiter.api.Test;
import nas.api.testing.LogCapture;
import java.util.logging.Level;

/** Hyperband: brackets, their assignment, their isolation for pruning and for sampling. */
class HyperbandPrunerTest {

    @Test
    void defaultsAreOptunasAndInvalidOptionsAreRefused() {
        assertThat(HyperbandPruner.defaults()).isEqualTo(new HyperbandPruner(1, 0, 3, 0));
        assertThatThrownBy(() -> HyperbandPruner.defaults().withMinResource(0))
                .hasMessage("minResource must be >= 1, but got 0");
        assertThatThrownBy(() -> HyperbandPruner.defaults().withMinResource(5).withMaxResource(4))
                .hasMessage("maxResource must be AUTO (0) or >= minResource (5), but got 4");
        assertThatThrownBy(() -> HyperbandPruner.defaults().withReductionFactor(1))
                .hasMessage("reductionFactor must be >= 2, but got 1");
        assertThatThrownBy(() -> HyperbandPruner.defaults().withBootstrapCount(1))
                .hasMessageContaining("bootstrapCount > 0 needs an explicit maxResource");
    }

    @Test
    void bracketCountsAndBudgetsFollowAlgorithmOne() {
        // R/r = 100, η = 3: s_max = ⌊log_3 100⌋ = 4; budgets ⌈5·3^s/(s+1)⌉ for s = 4..0
        HyperbandBrackets b = new HyperbandBrackets(1, 100, 3);
        assertThat(b.count()).isEqualTo(5);
        assertThat(List.of(b.budget(0), b.budget(1), b.budget(2), b.budget(3), b.budget(4)))
                .containsExactly(81L, 34L, 15L, 8L, 5L);
        // exact powers: R/r = 9 gives s_max = 2 exactly
        HyperbandBrackets nine = new HyperbandBrackets(1, 9, 3);
        assertThat(nine.count()).isEqualTo(3);
        assertThat(List.of(nine.budget(0), nine.budget(1), nine.budget(2))).containsExactly(9L, 5L, 3L);
        assertThat(new HyperbandBrackets(10, 10, 3).count()).isEqualTo(1);
        assertThat(new HyperbandBrackets(10, 89, 3).count()).isEqualTo(2);
        assertThat(new HyperbandBrackets(10, 90, 3).count()).isEqualTo(3);
    }

    @Test
    void trialsAreAssignedToBracketsAsOptunaHashesThem() {
        // reference: Python's binascii.crc32(f"{name}_{number}".encode()) % 143, walked over the
        // budgets [81, 34, 15, 8, 5] (computed independently in Python)
        HyperbandBrackets b = new HyperbandBrackets(1, 100, 3);
        int[] scripted = {0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 2, 0, 1, 0, 1, 1, 1, 2, 1, 0, 0, 0, 1, 0};
        int[] other = {1, 0, 0, 4, 1, 1, 4, 2, 0, 0, 2, 0, 4, 2, 2, 1, 0, 2, 3, 0, 2, 0, 0, 0, 1, 0, 0, 2, 1, 0};
        for (int n = 0; n < scripted.length; n++) {
            assertThat(b.bracketOf("scripted", n)).as("scripted_%d", n).isEqualTo(scripted[n]);
            assertThat(b.bracketOf("optuna-study", n)).as("optuna-study_%d", n).isEqualTo(other[n]);
        }
    }

    @Test
    void bracketsGetTrialsInProportionToTheirBudgets() {
        HyperbandBrackets b = new HyperbandBrackets(1, 100, 3);
        int[] counts = new int[5];
        int n = 28_600;
        for (int i = 0; i < n; i++) {
            counts[b.bracketOf("frequency", i)]++;
        }
        long[] budgets = {81, 34, 15, 8, 5};
        for (int k = 0; k < 5; k++) {
            assertThat((double) counts[k] / n).as("bracket %d", k).isCloseTo(budgets[k] / 143.0,
                    org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @Test
    void withAutoMaxResourceNothingIsPrunedAndTheSamplerSeesAllUntilATrialCompletes() {
        HyperbandPruner pruner = HyperbandPruner.defaults();
        Study study = study(pruner);
        Trial good = Scripts.running(study, 1, 1);
        Trial bad = Scripts.running(study, 100, 100);
        assertThat(good.shouldPrune()).isFalse();
        assertThat(bad.shouldPrune()).isFalse();
        assertThat(pruner.bracketOf(study, bad.snapshot())).isEqualTo(-1);
        assertThat(pruner.samplerView(study, bad.snapshot())).isSameAs(study);
        complete(study, new double[100]); // last step 99 → R = 100, fixed at the next use
        assertThat(study.systemAttrs()).doesNotContainKey(HyperbandPruner.MAX_RESOURCE_KEY);
        assertThat(pruner.bracketCount(study)).isEqualTo(5);
        assertThat(study.systemAttrs()).containsEntry(HyperbandPruner.MAX_RESOURCE_KEY, 100L);
        complete(study, new double[1000]);
        assertThat(pruner.bracketCount(study)).as("R stays fixed").isEqualTo(5);
        assertThat(pruner.bracketOf(study, bad.snapshot())).isEqualTo(new int[] {0, 1, 1}[bad.number()]);
    }

    private static Trial askInBracket(Study study, HyperbandPruner pruner, int bracket) {
        while (true) {
            Trial t = study.ask();
            if (pruner.bracketOf(study, t.snapshot()) == bracket) {
                return t;
            }
            try (LogCapture log = LogCapture.start()) {
                study.tell(t, nas.api.TrialState.FAIL, "not the bracket this scenario needs");
                assertThat(log.messages(Level.WARNING)).containsExactly("trial " + t.number() + " of study '"
                        + study.name() + "' failed: not the bracket this scenario needs");
            }
        }
    }

    @Test
    void eachBracketRunsSuccessiveHalvingOnItsOwnTrials() {
        HyperbandPruner pruner = new HyperbandPruner(1, 100, 3, 0);
        Study study = study(pruner);
        Trial a = askInBracket(study, pruner, 0);
        a.report(1.0, 1); // bracket 0: rung 0 at step 1
        assertThat(a.shouldPrune()).isFalse();

        Trial b = askInBracket(study, pruner, 1);
        b.report(50.0, 1);
        assertThat(b.shouldPrune()).as("bracket 1's rung 0 is at step 3").isFalse();
        b.report(50.0, 3);
        assertThat(b.shouldPrune()).as("first at its bracket's rung, whatever bracket 0 holds").isFalse();
        assertThat(study.storage().trial(b.id()).systemAttrs()).containsEntry("completed_rung_0", 50.0);

        Trial c = askInBracket(study, pruner, 0);
        c.report(50.0, 1);
        assertThat(c.shouldPrune()).as("bracket 0 holds 1.0 at rung 0").isTrue();

        Trial d = askInBracket(study, pruner, 1);
        d.report(60.0, 3);
        assertThat(d.shouldPrune()).as("bracket 1 holds 50.0 at rung 0").isTrue();
        assertThat(pruner.bracketPruner(1)).isEqualTo(new SuccessiveHalvingPruner(1, 3, 1, 0));
    }

    /** Records, per trial, the numbers of the trials the sampler could see. */
    private static final class Recording implements Sampler {
        final Map<Integer, List<Integer>> visible = new ConcurrentHashMap<>();
        private final RandomSampler random = new RandomSampler(3);

        @Override
        public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution d) {
            List<Integer> numbers = new ArrayList<>();
            study.trials().forEach(t -> numbers.add(t.number()));
            visible.putIfAbsent(trial.number(), Collections.unmodifiableList(numbers));
            return random.sampleIndependent(study, trial, name, d);
        }
    }

    @Test
    void theSamplerSeesOnlyTheTrialsOfTheSameBracket() {
        HyperbandPruner pruner = new HyperbandPruner(1, 9, 3, 0);
        Recording sampler = new Recording();
        Study study = Studies.builder("brackets").pruner(pruner).sampler(sampler).create();
        study.optimize(t -> CurvePlugin.run(t, 9, 0.01), 40);
        HyperbandBrackets b = new HyperbandBrackets(1, 9, 3);
        int filtered = 0;
        for (int n = 0; n < 40; n++) {
            int bracket = b.bracketOf("brackets", n);
            List<Integer> seen = sampler.visible.get(n);
            assertThat(seen).as("trial %d", n).allMatch(m -> b.bracketOf("brackets", m) == bracket);
            long sameBracketBefore = java.util.stream.IntStream.range(0, n)
                    .filter(m -> b.bracketOf("brackets", m) == bracket).count();
            assertThat(seen).as("trial %d sees all of its bracket's earlier trials", n).hasSizeGreaterThanOrEqualTo(
                    (int) sameBracketBefore);
            if (seen.size() < n) {
                filtered++;
            }
        }
        assertThat(filtered).isGreaterThan(20);
    }

    @Test
    void aPatientPrunerShowsTheSamplerItsWrappedPrunersView() {
        HyperbandPruner hb = new HyperbandPruner(1, 9, 3, 0);
        Study study = study(new PatientPruner(hb, 2, 0));
        Trial t = study.ask();
        StudyView view = study.pruner().samplerView(study, t.snapshot());
        assertThat(view).isNotSameAs(study);
        assertThat(view.toString()).startsWith("bracket " + hb.bracketOf(study, t.snapshot()));
    }

    @Test
    void aTrialThatReportedNothingIsNeverPruned() {
        HyperbandPruner pruner = new HyperbandPruner(1, 9, 3, 0);
        Study study = study(pruner);
        for (int i = 0; i < 5; i++) {
            complete(study, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        }
        assertThat(study.ask().shouldPrune()).isFalse();
    }
}
