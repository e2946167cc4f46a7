package nas.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import nas.api.exception.TrialPrunedException;
import nas.api.sampler.RandomSampler;
import nas.api.testing.LogCapture;
import org.junit.jupiter.api.Test;

class StudyTest {

    private static Study newStudy(long seed) {
        return Studies.builder("s").sampler(new RandomSampler(seed)).create();
    }

    private static double quadratic(Trial t) {
        double x = t.suggestFloat("x", -10, 10);
        int n = t.suggestInt("n", 1, 5);
        String c = t.suggestCategorical("c", "a", "b");
        return (x - 2) * (x - 2) + n + (c.equals("a") ? 0 : 1);
    }

    @Test
    void optimizeRecordsEveryTrialAndFindsTheBest() {
        Study study = newStudy(7);
        study.optimize(StudyTest::quadratic, 300);
        List<FrozenTrial> trials = study.trials();
        assertThat(trials).hasSize(300);
        assertThat(trials).allMatch(t -> t.state() == TrialState.COMPLETE);
        assertThat(trials).extracting(FrozenTrial::number).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 300).boxed().toList());
        double min = trials.stream().mapToDouble(FrozenTrial::value).min().orElseThrow();
        assertThat(study.bestValue()).isEqualTo(min);
        // 300 random points in [-10, 10]: the best is close to x = 2, n = 1, c = a → value ≈ 1
        assertThat(study.bestValue()).isBetween(1.0, 1.5);
        assertThat(study.bestParams()).containsEntry("n", 1).containsEntry("c", "a");
    }

    @Test
    void sameSeedGivesSameTrialsAndDifferentSeedDifferentOnes() {
        Study a = newStudy(42);
        Study b = newStudy(42);
        Study c = newStudy(43);
        a.optimize(StudyTest::quadratic, 20);
        b.optimize(StudyTest::quadratic, 20);
        c.optimize(StudyTest::quadratic, 20);
        for (int i = 0; i < 20; i++) {
            assertThat(a.trials().get(i).params()).isEqualTo(b.trials().get(i).params());
        }
        assertThat(a.trials().get(0).params()).isNotEqualTo(c.trials().get(0).params());
    }

    @Test
    void parametersOfATrialNumberDoNotDependOnTheNumberOfWorkers() {
        Study serial = newStudy(5);
        Study parallel = newStudy(5);
        serial.optimize(StudyTest::quadratic, 200);
        parallel.optimize(StudyTest::quadratic, OptimizeOptions.trials(200).withJobs(4));
        assertThat(parallel.trials()).hasSize(200);
        for (int i = 0; i < 200; i++) {
            assertThat(parallel.trials().get(i).params()).isEqualTo(serial.trials().get(i).params());
        }
        assertThat(parallel.bestValue()).isEqualTo(serial.bestValue());
    }

    @Test
    void failuresAreRecordedAndTheStudyGoesOn() {
        Study study = newStudy(1);
        try (LogCapture log = LogCapture.start()) {
            study.optimize(t -> {
                double x = t.suggestFloat("x", 0, 1);
                switch (t.number() % 4) {
                    case 0: throw new IllegalStateException("boom " + t.number());
                    case 1: return Double.NaN;
                    case 2: return Double.POSITIVE_INFINITY;
                    default: return x;
                }
            }, 8);
            assertThat(log.messages(Level.WARNING)).containsExactly(
                    "trial 0 of study 's' failed: java.lang.IllegalStateException: boom 0",
                    "trial 1 of study 's' failed: objective returned [NaN], which is not finite",
                    "trial 2 of study 's' failed: objective returned [Infinity], which is not finite",
                    "trial 4 of study 's' failed: java.lang.IllegalStateException: boom 4",
                    "trial 5 of study 's' failed: objective returned [NaN], which is not finite",
                    "trial 6 of study 's' failed: objective returned [Infinity], which is not finite");
        }
        List<FrozenTrial> trials = study.trials();
        assertThat(trials).extracting(FrozenTrial::state).containsExactly(
                TrialState.FAIL, TrialState.FAIL, TrialState.FAIL, TrialState.COMPLETE,
                TrialState.FAIL, TrialState.FAIL, TrialState.FAIL, TrialState.COMPLETE);
        assertThat(trials.get(0).systemAttrs().get(FrozenTrial.FAIL_REASON)).asString().contains("boom 0");
        assertThat(trials.get(1).systemAttrs().get(FrozenTrial.FAIL_REASON)).asString().contains("NaN");
        assertThat(trials.get(2).systemAttrs().get(FrozenTrial.FAIL_REASON)).asString().contains("Infinity");
        assertThat(trials.get(0).params()).containsKey("x");
    }

    @Test
    void wrongNumberOfValuesFailsTheTrial() {
        Study study = Studies.builder("mo").directions(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE).create();
        try (LogCapture log = LogCapture.start()) {
            study.optimizeMulti(t -> new double[] {1}, OptimizeOptions.trials(1));
            assertThat(log.messages(Level.WARNING)).containsExactly(
                    "trial 0 of study 'mo' failed: objective returned 1 values but study 'mo' has 2 direction(s)");
        }
        FrozenTrial t = study.trials().get(0);
        assertThat(t.state()).isEqualTo(TrialState.FAIL);
        assertThat(t.systemAttrs().get(FrozenTrial.FAIL_REASON)).asString().contains("1 values").contains("2 direction");
    }

    @Test
    void endStudyOnStopsTheLoopAfterRecordingTheFailure() {
        Study study = newStudy(1);
        OptimizeOptions options = OptimizeOptions.trials(10).withEndStudyOn(ArithmeticException.class);
        try (LogCapture log = LogCapture.start()) {
            assertThatThrownBy(() -> study.optimize(t -> {
                if (t.number() == 3) {
                    throw new ArithmeticException("stop here");
                }
                return 1;
            }, options)).hasRootCauseInstanceOf(ArithmeticException.class);
            assertThat(log.messages(Level.WARNING))
                    .containsExactly("trial 3 of study 's' failed: java.lang.ArithmeticException: stop here");
        }
        assertThat(study.trials()).hasSize(4);
        assertThat(study.trials().get(3).state()).isEqualTo(TrialState.FAIL);
    }

    @Test
    void sameNameWithAnotherDistributionIsAnErrorNamingBoth() {
        Study study = newStudy(1);
        study.optimize(t -> t.suggestFloat("x", 0, 1), 1);
        Trial t = study.ask();
        assertThatThrownBy(() -> t.suggestFloat("x", 0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("float[0.0, 1.0]")
                .hasMessageContaining("float[0.0, 2.0]");
        Trial u = study.ask();
        assertThatThrownBy(() -> u.suggestInt("x", 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("int[0, 1]");
    }

    @Test
    void invalidSuggestionsAreClearErrors() {
        Trial t = newStudy(1).ask();
        assertThatThrownBy(() -> t.suggestFloat("x", 5, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'x': low <= high must hold, but got low=5.0, high=1.0");
        assertThatThrownBy(() -> t.suggestFloat("y", 0, 1, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("log-scale distribution needs low > 0");
        assertThatThrownBy(() -> t.suggestCategorical("z", List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one choice");
    }

    @Test
    void aTrialAnotherWorkerFailedAsStaleEndsQuietly() {
        Study study = newStudy(1);
        Trial t = study.ask();
        t.suggestFloat("x", 0, 1);
        study.storage().setTrialStateValues(t.id(), TrialState.FAIL, List.of());
        try (LogCapture log = LogCapture.start()) {
            assertThat(study.tell(t, 1.0).state()).isEqualTo(TrialState.FAIL);
            // inside optimize: the objective's report meets its finished trial; the loop goes on
            study.optimize(trial -> {
                study.storage().setTrialStateValues(trial.id(), TrialState.FAIL, List.of());
                trial.report(1.0, 0);
                return 1.0;
            }, 3);
            String stale = "of study 's' was already finished by another worker (its heartbeat went stale); its outcome ";
            assertThat(log.messages(Level.WARNING)).containsExactly("trial 0 " + stale + "COMPLETE [1.0] is not stored",
                    "trial 1 " + stale + "FAIL [] is not stored", "trial 2 " + stale + "FAIL [] is not stored",
                    "trial 3 " + stale + "FAIL [] is not stored");
        }
        assertThat(study.trials()).hasSize(4).allMatch(x -> x.state() == TrialState.FAIL);
    }

    @Test
    void askTellWorksWithoutOptimize() {
        Study study = newStudy(3);
        Trial t = study.ask();
        double x = t.suggestFloat("x", 0, 1);
        FrozenTrial done = study.tell(t, x * 2);
        assertThat(done.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(done.value()).isEqualTo(x * 2);
        assertThatThrownBy(() -> study.tell(t, 1.0)).hasMessageContaining("already finished");
    }

    @Test
    void prunedTrialKeepsItsLastReportedValue() {
        Study study = newStudy(3);
        try (LogCapture log = LogCapture.start()) {
            study.optimize(t -> {
                t.report(5.0, 0);
                t.report(4.0, 1);
                t.report(3.0, 1); // a step twice keeps the first value
                throw new TrialPrunedException();
            }, 1);
            assertThat(log.messages(Level.WARNING))
                    .containsExactly("trial 0 already reported step 1; keeping the first value 4");
        }
        FrozenTrial t = study.trials().get(0);
        assertThat(t.state()).isEqualTo(TrialState.PRUNED);
        assertThat(t.values()).containsExactly(4.0);
        assertThat(t.intermediateValues()).containsExactly(Map.entry(0, 5.0), Map.entry(1, 4.0));
    }

    @Test
    void enqueuedParametersAreUsedFirst() {
        Study study = newStudy(3);
        study.enqueueTrial(Map.of("x", 0.25, "c", "b"));
        study.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            String c = t.suggestCategorical("c", "a", "b");
            double y = t.suggestFloat("y", 0, 1);
            return x + y + c.length();
        }, 2);
        FrozenTrial first = study.trials().get(0);
        assertThat(first.params()).containsEntry("x", 0.25).containsEntry("c", "b").containsKey("y");
        assertThat(study.trials().get(1).param("x")).isNotEqualTo(0.25);
    }

    @Test
    void enqueuedValueOutsideTheRangeIsAnError() {
        Study study = newStudy(3);
        study.enqueueTrial(Map.of("x", 7.0));
        Trial t = study.ask();
        assertThatThrownBy(() -> t.suggestFloat("x", 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fixed value 7.0");
    }

    @Test
    void addTrialAndBestTrialsOfAMultiObjectiveStudy() {
        Study study = Studies.builder("mo").directions(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE).create();
        var d = Map.<String, nas.api.distribution.Distribution>of("x",
                nas.api.distribution.FloatDistribution.of(0, 1));
        double[][] points = {{1, 5}, {2, 6}, {2, 4}, {0.5, 1}, {3, 6}, {1, 5}};
        for (double[] p : points) {
            study.addTrial(FrozenTrial.of(TrialState.COMPLETE, List.of(p[0], p[1]), Map.of("x", 0.5), d));
        }
        // (2,4) is dominated by (1,5); (3,6) by (2,6); the duplicate (1,5) is not dominated
        assertThat(study.bestTrials()).extracting(FrozenTrial::number).containsExactly(0, 1, 3, 5);
        assertThatThrownBy(study::bestTrial).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bestTrials()");
    }

    @Test
    void stopEndsTheLoopFromACallback() {
        Study study = newStudy(3);
        study.optimize(t -> t.suggestFloat("x", 0, 1),
                OptimizeOptions.trials(0).withCallback(new MaxTrialsCallback(7, java.util.EnumSet.of(TrialState.COMPLETE))));
        assertThat(study.trials()).hasSize(7);
    }

    @Test
    void callbacksSeeEveryFinishedTrial() {
        Study study = newStudy(3);
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        study.optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.trials(25).withJobs(3)
                .withCallback((s, t) -> seen.add(t.number())));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 25).boxed().toList());
    }

    @Test
    void studyAttributesRoundTrip() {
        Study study = newStudy(3);
        study.setUserAttr("note", "hello");
        study.setSystemAttr("state", Map.of("gen", 3, "mean", List.of(1.5, 2.5)));
        assertThat(study.userAttrs()).containsEntry("note", "hello");
        assertThat(study.systemAttrs().get("state")).isEqualTo(Map.of("gen", 3L, "mean", List.of(1.5, 2.5)));
        assertThat(study.compareAndSetSystemAttr("state", Map.of("gen", 2), 1)).isFalse();
        assertThat(study.compareAndSetSystemAttr("state", Map.of("gen", 3, "mean", List.of(1.5, 2.5)), 1)).isTrue();
        assertThat(study.systemAttrs()).containsEntry("state", 1L);
    }

    @Test
    void multiObjectiveStudiesRejectPrunersAndPruning() {
        assertThatThrownBy(() -> Studies.builder("mo").directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE)
                .pruner((s, t) -> true).create())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multi-objective");
        Study study = Studies.builder("mo").directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE).create();
        Trial t = study.ask();
        assertThatThrownBy(t::shouldPrune).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void inMemoryStudiesNeedNoName() {
        Study a = Studies.builder().create();
        Study b = Studies.builder().create();
        assertThat(a.name()).startsWith("no-name-").isNotEqualTo(b.name());
        a.optimize(t -> t.suggestFloat("x", 0, 1), 3);
        assertThat(a.trials()).hasSize(3);
        // the generated name finds the study again in its storage
        assertThat(Studies.builder(a.name()).storage(a.storage()).load().trials()).hasSize(3);
    }

    @Test
    void loadChecksDirections() {
        var storage = new nas.api.storage.InMemoryStorage();
        Studies.builder("s").storage(storage).directions(StudyDirection.MAXIMIZE).create();
        assertThatThrownBy(() -> Studies.builder("s").storage(storage).directions(StudyDirection.MINIMIZE).load())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not match");
        assertThat(Studies.builder("s").storage(storage).load().direction()).isEqualTo(StudyDirection.MAXIMIZE);
        assertThatThrownBy(() -> Studies.builder("s").storage(storage).create())
                .isInstanceOf(nas.api.exception.DuplicateStudyException.class)
                .hasMessage("a study named 's' already exists: resume it with loadIfExists(true) or load(), "
                        + "or give the new study another name");
        // the storage's own refusal (import, copy) stays without the builder's hint
        assertThatThrownBy(() -> storage.createStudy("s", List.of(StudyDirection.MINIMIZE)))
                .isInstanceOf(nas.api.exception.DuplicateStudyException.class)
                .hasMessage("a study named 's' already exists");
        assertThat(Studies.builder("s").storage(storage).loadIfExists(true).create().direction())
                .isEqualTo(StudyDirection.MAXIMIZE);
        Studies.delete(storage, "s");
        assertThat(Studies.list(storage)).isEmpty();
        assertThatThrownBy(() -> Studies.builder("s").storage(storage).load())
                .isInstanceOf(nas.api.exception.StudyNotFoundException.class);
    }

    @Test
    void aBadSuggestionNamesItsParameter() {
        Trial t = newStudy(1).ask();
        assertThatThrownBy(() -> t.suggestFloat("lr", 0, 0.1, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'lr': a log-scale distribution needs low > 0, but got low=0.0, high=0.1");
        assertThatThrownBy(() -> t.suggestInt("layers", 4, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'layers': low <= high must hold, but got low=4, high=1");
        assertThatThrownBy(() -> t.suggestInt("units", 0, 64, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'units': step must be >= 1, but got 0");
        assertThatThrownBy(() -> t.suggestCategorical("act", "relu", "relu"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("parameter 'act': choices must be");
        // a null choice: the same rule as other unsupported choices, not a bare NullPointerException
        assertThatThrownBy(() -> t.suggestCategorical("act", "relu", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'act': categorical choices must be strings, numbers or booleans, but choice 1 "
                        + "of [relu, null] is null");
        assertThatThrownBy(() -> t.suggestFloat(null, 0, 1)).isInstanceOf(NullPointerException.class)
                .hasMessage("parameter name");
        // nothing was recorded by the failed calls: the trial still takes the parameters
        assertThat(t.suggestInt("layers", 1, 4)).isBetween(1, 4);
        assertThat(t.params()).containsOnlyKeys("layers");
    }

    @Test
    void aNullObjectiveIsRefusedBeforeAnyTrial() {
        Study study = newStudy(1);
        assertThatThrownBy(() -> study.optimize(null, 3)).isInstanceOf(NullPointerException.class)
                .hasMessage("objective");
        assertThatThrownBy(() -> study.optimizeMulti(null, OptimizeOptions.trials(3)))
                .isInstanceOf(NullPointerException.class).hasMessage("objective");
        assertThat(study.trials()).isEmpty();
        assertThatThrownBy(() -> Studies.builder().directions(StudyDirection.MINIMIZE, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("MINIMIZE or MAXIMIZE");
        assertThat(Studies.builder().directions(List.of(StudyDirection.MAXIMIZE)).create().directions())
                .containsExactly(StudyDirection.MAXIMIZE);
    }

    @Test
    void noBestTrialSaysWhatTheTrialsAre() {
        Study study = newStudy(1);
        assertThatThrownBy(study::bestValue).isInstanceOf(IllegalStateException.class)
                .hasMessage("study 's' has no COMPLETE trial yet (no trials; run optimize or ask and tell first)");
        study.optimize(t -> {
            if (t.number() == 1) {
                throw new TrialPrunedException();
            }
            return t.number() == 0 ? Double.NaN : 1 / 0.0;
        }, 3);
        assertThatThrownBy(study::bestTrial).isInstanceOf(IllegalStateException.class)
                .hasMessage("study 's' has no COMPLETE trial yet (3 trials: 1 PRUNED, 2 FAIL; last failure, trial 2: "
                        + "objective returned [Infinity], which is not finite)");
    }

    @Test
    void anErrorOfTheObjectiveFailsItsTrialAndEndsTheStudy() {
        Study study = newStudy(1);
        assertThatThrownBy(() -> study.optimize(t -> {
            t.suggestFloat("x", 0, 1);
            if (t.number() == 2) {
                throw new AssertionError("broken invariant");
            }
            return 1;
        }, 10)).isInstanceOf(AssertionError.class).hasMessage("broken invariant");
        assertThat(study.trials()).extracting(FrozenTrial::state)
                .containsExactly(TrialState.COMPLETE, TrialState.COMPLETE, TrialState.FAIL);
        assertThat(study.trials().get(2).systemAttrs().get(FrozenTrial.FAIL_REASON))
                .isEqualTo("java.lang.AssertionError: broken invariant");
    }

    @Test
    void aTrialToldToAnotherStudySaysWhereItBelongs() {
        var storage = new nas.api.storage.InMemoryStorage();
        Study a = Studies.builder("a").storage(storage).create();
        Study b = Studies.builder("b").storage(storage).create();
        Trial t = a.ask();
        assertThatThrownBy(() -> b.tell(t, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trial 0 belongs to study 'a', not to 'b': tell it to the study that asked for it");
        Study aAgain = Studies.builder("a").storage(storage).load();
        assertThatThrownBy(() -> aAgain.tell(t, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trial 0 was asked by another Study object of 'a': tell it to that object, or reopen it "
                        + "on this one with trial(0)");
        // as the message says: reopened on the other object, it is told there, once
        aAgain.tell(aAgain.trial(0), 1.0);
        assertThat(a.trials()).extracting(FrozenTrial::state).containsExactly(TrialState.COMPLETE);
        assertThatThrownBy(() -> a.ask(null)).isInstanceOf(NullPointerException.class).hasMessage("fixedDistributions");
    }

    @Test
    void aHandMadeTrialOutsideItsRangeSaysSoInTheUsualWords() {
        var d = Map.<String, nas.api.distribution.Distribution>of("x", nas.api.distribution.FloatDistribution.of(0, 1));
        assertThatThrownBy(() -> FrozenTrial.of(TrialState.COMPLETE, List.of(0.5), Map.of("x", 3.0), d))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("parameter 'x' = 3.0 is outside float[0.0, 1.0]");
    }

    @Test
    void theTopOfAStepRangeCanBeEnqueued() {
        Study study = newStudy(1);
        study.enqueueTrial(Map.of("dropout", 0.9));
        study.optimize(t -> t.suggestFloat("dropout", 0.0, 0.9, 0.3), 1);
        assertThat(study.trials().get(0).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(study.trials().get(0).params()).containsEntry("dropout", 0.9);
    }

    @Test
    void aTrialWithoutAValueAndAMultiObjectiveStudySayWhatToReadInstead() {
        Study study = newStudy(1);
        study.optimize(t -> {
            throw new IllegalStateException("broken");
        }, 1);
        FrozenTrial failed = study.trials().get(0);
        assertThat(failed.values()).isEmpty();
        assertThatThrownBy(failed::value).isInstanceOf(IllegalStateException.class)
                .hasMessage("trial 0 is FAIL and has no value (COMPLETE trials have one, and PRUNED ones that reported; "
                        + "read study.trials(TrialState.COMPLETE), or values(), which is empty here)");
        Study two = Studies.builder("two").directions(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE).create();
        assertThatThrownBy(two::direction).isInstanceOf(IllegalStateException.class)
                .hasMessage("direction() needs a single-objective study, but 'two' has 2 objectives (use directions())");
        assertThatThrownBy(two::bestTrial).isInstanceOf(IllegalStateException.class).hasMessageEndingWith(
                "(use bestTrials(), the Pareto front)");
    }

    @Test
    void anIntegerChoiceIsAnIntegerInTheStoredTrialToo() {
        Study study = newStudy(1);
        study.optimize(t -> t.suggestCategorical("batch", 16, 32, 64), 3);
        for (FrozenTrial t : study.trials()) {
            int batch = (Integer) t.params().get("batch"); // was a Long: ClassCastException
            assertThat(batch).isIn(16, 32, 64);
        }
        int best = (Integer) study.bestParams().get("batch"); // the objective returns the batch: the smallest
        assertThat(best).isEqualTo(study.trials().stream().mapToInt(t -> (Integer) t.params().get("batch")).min()
                .orElseThrow());
    }

    @Test
    void enqueueAndAddRefuseNullsBeforeStoringAnything() {
        Study study = newStudy(1);
        assertThatThrownBy(() -> study.enqueueTrial(null)).isInstanceOf(NullPointerException.class).hasMessage("params");
        Map<String, Object> missing = new java.util.HashMap<>();
        missing.put("x", null);
        assertThatThrownBy(() -> study.enqueueTrial(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enqueued parameter 'x' is null: give it a value, or leave it out to have it sampled");
        assertThatThrownBy(() -> study.addTrial(null)).isInstanceOf(NullPointerException.class).hasMessage("trial");
        assertThat(study.trials()).isEmpty();
    }
}
