package nas.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.distribution.IntDistribution;
import nas.api.exception.DuplicateStudyException;
import nas.api.exception.StudyNotFoundException;
import nas.api.exception.TrialFinishedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Storage} must have. Subclass it with {@link #newStorage()} returning a
 * fresh, empty storage; the suite closes it after each test.
 */
public abstract class StorageContractTest {

    protected Storage storage;

    /** A new, empty storage. */
    protected abstract Storage newStorage() throws Exception;

    @BeforeEach
    void open() throws Exception {
        storage = newStorage();
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private static final Set<TrialState> ALL = EnumSet.noneOf(TrialState.class);
    private static final FloatDistribution UNIT = FloatDistribution.of(0, 1);

    private long study(String name) {
        return storage.createStudy(name, List.of(StudyDirection.MINIMIZE));
    }

    @Test
    void createsFindsListsAndDeletesStudies() {
        long a = storage.createStudy("a", List.of(StudyDirection.MINIMIZE));
        long b = storage.createStudy("b", List.of(StudyDirection.MAXIMIZE, StudyDirection.MINIMIZE));
        assertThat(a).isNotEqualTo(b);
        assertThat(storage.findStudy("a")).hasValue(a);
        assertThat(storage.findStudy("missing")).isEmpty();
        assertThat(storage.studyName(b)).isEqualTo("b");
        assertThat(storage.studyDirections(b)).containsExactly(StudyDirection.MAXIMIZE, StudyDirection.MINIMIZE);
        storage.createTrial(b, null);
        assertThat(storage.studies()).extracting(StudyInfo::name).containsExactly("a", "b");
        assertThat(storage.studies().get(1).trialCounts()).containsEntry(TrialState.RUNNING, 1);
        storage.deleteStudy(a);
        assertThat(storage.findStudy("a")).isEmpty();
        assertThat(storage.studies()).extracting(StudyInfo::name).containsExactly("b");
        assertThatThrownBy(() -> storage.studyName(a)).isInstanceOf(StudyNotFoundException.class);
    }

    @Test
    void duplicateStudyNameIsRejected() {
        study("dup");
        assertThatThrownBy(() -> study("dup")).isInstanceOf(DuplicateStudyException.class).hasMessageContaining("dup");
    }

    @Test
    void studyAttributesAreJsonValues() {
        long s = study("s");
        storage.setStudyUserAttr(s, "k", List.of(1, 2.5, "x", true));
        storage.setStudySystemAttr(s, "m", Map.of("a", 1));
        assertThat(storage.studyUserAttrs(s)).containsEntry("k", List.of(1L, 2.5, "x", true));
        assertThat(storage.studySystemAttrs(s)).containsEntry("m", Map.of("a", 1L));
        storage.setStudySystemAttr(s, "m", "replaced");
        assertThat(storage.studySystemAttrs(s)).containsEntry("m", "replaced");
    }

    @Test
    void compareAndSetStudySystemAttr() {
        long s = study("s");
        assertThat(storage.compareAndSetStudySystemAttr(s, "gen", 1, 2)).isFalse();
        assertThat(storage.compareAndSetStudySystemAttr(s, "gen", null, 1)).isTrue();
        assertThat(storage.compareAndSetStudySystemAttr(s, "gen", null, 5)).isFalse();
        assertThat(storage.compareAndSetStudySystemAttr(s, "gen", 1, 2)).isTrue();
        assertThat(storage.studySystemAttrs(s)).containsEntry("gen", 2L);
    }

    @Test
    void trialsAreNumberedFromZeroPerStudy() {
        long s = study("s");
        long t = study("t");
        assertThat(storage.createTrial(s, null).number()).isZero();
        assertThat(storage.createTrial(s, null).number()).isEqualTo(1);
        assertThat(storage.createTrial(t, null).number()).isZero();
        FrozenTrial third = storage.createTrial(s, null);
        assertThat(third.number()).isEqualTo(2);
        assertThat(third.state()).isEqualTo(TrialState.RUNNING);
        assertThat(third.datetimeStart()).isNotNull();
        assertThat(third.datetimeComplete()).isNull();
    }

    @Test
    void concurrentTrialCreationNeverSharesANumber() throws Exception {
        long s = study("s");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> storage.createTrial(s, null).number()));
            }
            List<Integer> numbers = new ArrayList<>();
            for (Future<Integer> f : futures) {
                numbers.add(f.get());
            }
            Collections.sort(numbers);
            assertThat(numbers).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 200).boxed().toList());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void paramsStateAndValuesRoundTrip() {
        long s = study("s");
        FrozenTrial t = storage.createTrial(s, null);
        storage.setTrialParam(t.id(), "lr", 0.01, FloatDistribution.logOf(1e-4, 1));
        storage.setTrialParam(t.id(), "n", 3, IntDistribution.of(1, 5));
        storage.setTrialParam(t.id(), "act", 1, CategoricalDistribution.of("relu", "tanh"));
        storage.setTrialStateValues(t.id(), TrialState.COMPLETE, List.of(0.5));
        FrozenTrial read = storage.trial(t.id());
        assertThat(read.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(read.values()).containsExactly(0.5);
        assertThat(read.params()).containsExactly(Map.entry("lr", 0.01), Map.entry("n", 3), Map.entry("act", "tanh"));
        assertThat(read.distributions().get("lr")).isEqualTo(FloatDistribution.logOf(1e-4, 1));
        assertThat(read.datetimeComplete()).isNotNull();
        assertThat(read.duration().isNegative()).isFalse();
    }

    @Test
    void oneDistributionPerParameterNameInAStudy() {
        long s = study("s");
        FrozenTrial a = storage.createTrial(s, null);
        storage.setTrialParam(a.id(), "x", 0.5, UNIT);
        FrozenTrial b = storage.createTrial(s, null);
        assertThatThrownBy(() -> storage.setTrialParam(b.id(), "x", 0.5, FloatDistribution.of(0, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("float[0.0, 1.0]").hasMessageContaining("float[0.0, 2.0]")
                .hasMessageContaining("in study 's'");
        // the same check without writing, as Study.ask(space) makes it before it starts a trial
        assertThatThrownBy(() -> storage.checkParamDistribution(s, "x", FloatDistribution.of(0, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'x' was already suggested in study 's' as float[0.0, 1.0] and cannot now be "
                        + "float[0.0, 2.0]; a study keeps one distribution per parameter name (another range needs "
                        + "another name or study)");
        storage.setTrialParam(b.id(), "x", 0.25, UNIT);
        // another study may use the name differently
        long other = study("other");
        FrozenTrial c = storage.createTrial(other, null);
        storage.setTrialParam(c.id(), "x", 1.5, FloatDistribution.of(0, 2));
        assertThat(storage.trial(c.id()).param("x")).isEqualTo(1.5);
    }

    @Test
    void concurrentFirstUsesOfAParameterNameAgree() throws Exception {
        long s = study("s");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                FrozenTrial t = storage.createTrial(s, null);
                writes.add(pool.submit(() -> storage.setTrialParams(t.id(), Map.of("x", 0.5, "y", 0.25),
                        Map.of("x", UNIT, "y", UNIT))));
            }
            for (Future<?> f : writes) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(storage.trials(s, ALL)).allMatch(t -> t.params().equals(Map.of("x", 0.5, "y", 0.25)));
    }

    @Test
    void valueOutsideTheDistributionIsRejected() {
        long s = study("s");
        FrozenTrial t = storage.createTrial(s, null);
        assertThatThrownBy(() -> storage.setTrialParam(t.id(), "x", 2, UNIT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void finishedTrialsAreReadOnly() {
        long s = study("s");
        FrozenTrial t = storage.createTrial(s, null);
        storage.setTrialStateValues(t.id(), TrialState.FAIL, List.of());
        assertThatThrownBy(() -> storage.setTrialStateValues(t.id(), TrialState.COMPLETE, List.of(1.0)))
                .isInstanceOf(TrialFinishedException.class);
        assertThatThrownBy(() -> storage.setTrialParam(t.id(), "x", 0.5, UNIT)).isInstanceOf(TrialFinishedException.class);
        assertThatThrownBy(() -> storage.setTrialIntermediateValue(t.id(), 0, 1)).isInstanceOf(TrialFinishedException.class);
        assertThatThrownBy(() -> storage.setTrialUserAttr(t.id(), "k", 1)).isInstanceOf(TrialFinishedException.class);
        assertThat(storage.trial(t.id()).state()).isEqualTo(TrialState.FAIL);
    }

    @Test
    void snapshotsNeverChange() {
        long s = study("s");
        FrozenTrial t = storage.createTrial(s, null);
        FrozenTrial before = storage.trial(t.id());
        storage.setTrialParam(t.id(), "x", 0.5, UNIT);
        storage.setTrialIntermediateValue(t.id(), 0, 3.0);
        storage.setTrialUserAttr(t.id(), "k", "v");
        storage.setTrialStateValues(t.id(), TrialState.COMPLETE, List.of(1.0));
        assertThat(before.internalParams()).isEmpty();
        assertThat(before.intermediateValues()).isEmpty();
        assertThat(before.userAttrs()).isEmpty();
        assertThat(before.state()).isEqualTo(TrialState.RUNNING);
        assertThatThrownBy(() -> before.userAttrs().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void intermediateValuesKeepTheFirstReportOfAStep() {
        long s = study("s");
        FrozenTrial t = storage.createTrial(s, null);
        assertThat(storage.setTrialIntermediateValue(t.id(), 2, 0.5)).isTrue();
        assertThat(storage.setTrialIntermediateValue(t.id(), 0, 0.9)).isTrue();
        assertThat(storage.setTrialIntermediateValue(t.id(), 2, 0.1)).isFalse();
        storage.setTrialIntermediateValue(t.id(), 1, Double.NaN);
        FrozenTrial read = storage.trial(t.id());
        assertThat(read.intermediateValues().keySet()).containsExactly(0, 1, 2);
        assertThat(read.intermediateValues().get(2)).isEqualTo(0.5);
        assertThat(read.intermediateValues().get(1)).isNaN();
        assertThat(read.lastStep()).isEqualTo(2);
    }

    @Test
    void trialAttributes() {
        long s = study("s");
        FrozenTrial t = storage.createTrial(s, null);
        storage.setTrialUserAttr(t.id(), "genome", Map.of("nodes", List.of(1, 2)));
        storage.setTrialSystemAttr(t.id(), "generation", 4);
        FrozenTrial read = storage.trial(t.id());
        assertThat(read.userAttrs()).containsEntry("genome", Map.of("nodes", List.of(1L, 2L)));
        assertThat(read.systemAttrs()).containsEntry("generation", 4L);
    }

    @Test
    void trialsFilterByStateInNumberOrder() {
        long s = study("s");
        for (int i = 0; i < 5; i++) {
            FrozenTrial t = storage.createTrial(s, null);
            if (i % 2 == 0) {
                storage.setTrialStateValues(t.id(), TrialState.COMPLETE, List.of((double) i));
            }
        }
        assertThat(storage.trials(s, ALL)).extracting(FrozenTrial::number).containsExactly(0, 1, 2, 3, 4);
        assertThat(storage.trials(s, EnumSet.of(TrialState.COMPLETE))).extracting(FrozenTrial::number)
                .containsExactly(0, 2, 4);
        assertThat(storage.countTrials(s, EnumSet.of(TrialState.RUNNING))).isEqualTo(2);
        assertThat(storage.countTrials(s, ALL)).isEqualTo(5);
    }

    /** Trials 0..6: COMPLETE with value 10 - i when i is even, FAIL at 3, RUNNING at 1 and 5. */
    private long mixedStudy() {
        long s = study("mixed");
        for (int i = 0; i < 7; i++) {
            FrozenTrial t = storage.createTrial(s, null);
            storage.setTrialParam(t.id(), i == 3 ? "z" : "x", 0.5, UNIT);
            if (i == 2) {
                storage.setTrialSystemAttr(t.id(), FrozenTrial.CONSTRAINTS, List.of(0.5, -1.25));
            }
            if (i % 2 == 0) {
                storage.setTrialUserAttr(t.id(), "even", true);
                storage.setTrialStateValues(t.id(), TrialState.COMPLETE, List.of(10.0 - i));
            } else if (i == 3) {
                storage.setTrialUserAttr(t.id(), "odd", 3);
                storage.setTrialStateValues(t.id(), TrialState.FAIL, List.of());
            }
        }
        return s;
    }

    @Test
    void trialsFromReadsFromANumberOnInPages() {
        long s = mixedStudy();
        assertThat(storage.trialsFrom(s, ALL, 3, Integer.MAX_VALUE)).extracting(FrozenTrial::number)
                .containsExactly(3, 4, 5, 6);
        assertThat(storage.trialsFrom(s, EnumSet.of(TrialState.COMPLETE), 1, 2)).extracting(FrozenTrial::number)
                .containsExactly(2, 4);
        assertThat(storage.trialsFrom(s, EnumSet.of(TrialState.RUNNING, TrialState.FAIL), 0, 10))
                .extracting(FrozenTrial::number).containsExactly(1, 3, 5);
        assertThat(storage.trialsFrom(s, ALL, 7, 10)).isEmpty();
        // pages of 3, each starting after the last number of the one before, give every trial once
        List<FrozenTrial> paged = new ArrayList<>();
        List<FrozenTrial> page;
        int from = 0;
        while (!(page = storage.trialsFrom(s, ALL, from, 3)).isEmpty()) {
            assertThat(page.size()).isLessThanOrEqualTo(3);
            paged.addAll(page);
            from = page.get(page.size() - 1).number() + 1;
        }
        assertThat(paged).isEqualTo(storage.trials(s, ALL));
        assertThat(paged.get(4).values()).containsExactly(6.0);
        assertThat(paged.get(4).params()).containsEntry("x", 0.5);
        assertThat(paged.get(4).userAttrs()).containsEntry("even", true);
        assertThatThrownBy(() -> storage.trialsFrom(s, ALL, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.trialsFrom(s + 1000, ALL, 0, 1)).isInstanceOf(StudyNotFoundException.class);
    }

    @Test
    void trialsFromSeesTrialsThatFinishLater() {
        long s = mixedStudy();
        List<FrozenTrial> before = storage.trialsFrom(s, ALL, 5, Integer.MAX_VALUE);
        assertThat(before.get(0).state()).isEqualTo(TrialState.RUNNING);
        storage.setTrialStateValues(before.get(0).id(), TrialState.COMPLETE, List.of(-1.0));
        assertThat(storage.trialsFrom(s, EnumSet.of(TrialState.COMPLETE), 5, Integer.MAX_VALUE))
                .extracting(FrozenTrial::number).containsExactly(5, 6);
        assertThat(before.get(0).state()).isEqualTo(TrialState.RUNNING);
    }

    @Test
    void bestTrialIsTheBestCompleteValueAndTheLowestNumberAmongEquals() {
        long empty = study("empty");
        assertThat(storage.bestTrial(empty)).isEmpty();
        long s = mixedStudy();
        // COMPLETE values 10, 8, 6, 4 at numbers 0, 2, 4, 6; a tie with the best at number 7
        FrozenTrial tie = storage.createTrial(s, null);
        storage.setTrialStateValues(tie.id(), TrialState.COMPLETE, List.of(4.0));
        assertThat(storage.bestTrial(s)).get().extracting(FrozenTrial::number).isEqualTo(6);
        long max = storage.createStudy("max", List.of(StudyDirection.MAXIMIZE));
        for (double v : new double[] {1, 3, 3, 2}) {
            storage.setTrialStateValues(storage.createTrial(max, null).id(), TrialState.COMPLETE, List.of(v));
        }
        storage.setTrialStateValues(storage.createTrial(max, null).id(), TrialState.PRUNED, List.of(9.0));
        assertThat(storage.bestTrial(max)).get().satisfies(t -> {
            assertThat(t.number()).isEqualTo(1);
            assertThat(t.values()).containsExactly(3.0);
        });
        long two = storage.createStudy("two", List.of(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE));
        assertThatThrownBy(() -> storage.bestTrial(two)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 objectives");
    }

    @Test
    void trialKeysAreTheColumnsOfTheTrialsInTheStates() {
        long s = mixedStudy();
        TrialKeys all = storage.trialKeys(s, ALL);
        assertThat(all.paramNames()).containsExactly("x", "z");
        assertThat(all.userAttrKeys()).containsExactly("even", "odd");
        TrialKeys complete = storage.trialKeys(s, EnumSet.of(TrialState.COMPLETE));
        assertThat(complete.paramNames()).containsExactly("x");
        assertThat(complete.userAttrKeys()).containsExactly("even");
        assertThat(complete.constraints()).isEqualTo(2);
        assertThat(storage.trialKeys(s, EnumSet.of(TrialState.FAIL)).constraints()).isZero();
        assertThat(storage.trialKeys(study("none"), ALL).paramNames()).isEmpty();
    }

    @Test
    void templatesMakeWaitingAndFinishedTrials() {
        long s = study("s");
        Map<String, Distribution> d = Map.of("x", UNIT);
        FrozenTrial done = FrozenTrial.of(TrialState.COMPLETE, List.of(2.0), Map.of("x", 0.75), d);
        FrozenTrial added = storage.createTrial(s, done);
        assertThat(added.number()).isZero();
        assertThat(added.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(added.values()).containsExactly(2.0);
        assertThat(added.params()).containsEntry("x", 0.75);
        FrozenTrial waiting = storage.createTrial(s, new FrozenTrial(-1, -1, TrialState.WAITING, List.of(), null, null,
                Map.of(), Map.of(), new TreeMap<>(), Map.of(), Map.of(FrozenTrial.FIXED_PARAMS, Map.of("x", 0.5))));
        assertThat(waiting.state()).isEqualTo(TrialState.WAITING);
        assertThat(waiting.datetimeStart()).isNull();
        assertThat(waiting.systemAttrs()).containsEntry(FrozenTrial.FIXED_PARAMS, Map.of("x", 0.5));
    }

    @Test
    void waitingTrialsAreClaimedOnceInOrder() throws Exception {
        long s = study("s");
        for (int i = 0; i < 20; i++) {
            storage.createTrial(s, new FrozenTrial(-1, -1, TrialState.WAITING, List.of(), null, null, Map.of(), Map.of(),
                    new TreeMap<>(), Map.of(), Map.of()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> claims = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                claims.add(pool.submit(() -> storage.claimWaitingTrial(s).map(FrozenTrial::number).orElse(-1)));
            }
            List<Integer> got = new ArrayList<>();
            for (Future<Integer> f : claims) {
                got.add(f.get());
            }
            assertThat(got.stream().filter(n -> n >= 0).sorted().toList())
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
            assertThat(got.stream().filter(n -> n < 0)).hasSize(4);
        } finally {
            pool.shutdown();
        }
        assertThat(storage.countTrials(s, EnumSet.of(TrialState.RUNNING))).isEqualTo(20);
        assertThat(storage.trials(s, ALL).get(0).datetimeStart()).isNotNull();
    }

    /**
     * A heartbeat older than the grace period is stale. The beating trial's heartbeat is as old as the time from its
     * write to the check, milliseconds when idle; but one write took a second on a loaded machine here, and an
     * attempt whose two calls took longer than the grace period cannot show that a fresh heartbeat is spared. Such
     * an attempt still checks the stale trial, and the whole is tried again, on a new study with twice the grace.
     */
    @Test
    void staleHeartbeatsFailRunningTrials() throws Exception {
        for (Duration grace = Duration.ofMillis(500); ; grace = grace.multipliedBy(2)) {
            assertThat(grace).as("an attempt whose heartbeat and check took less than the grace period")
                    .isLessThanOrEqualTo(Duration.ofSeconds(16));
            long s = study("s" + grace.toMillis());
            FrozenTrial beating = storage.createTrial(s, null);
            FrozenTrial silent = storage.createTrial(s, null);
            FrozenTrial noHeartbeat = storage.createTrial(s, null);
            storage.recordHeartbeat(silent.id());
            Thread.sleep(grace.toMillis() + 100);
            long beat = System.nanoTime();
            storage.recordHeartbeat(beating.id());
            List<FrozenTrial> failed = storage.failStaleTrials(s, grace);
            boolean fresh = System.nanoTime() - beat < grace.toNanos();
            assertThat(failed).extracting(FrozenTrial::number).contains(silent.number())
                    .doesNotContain(noHeartbeat.number());
            assertThat(storage.trial(silent.id()).state()).isEqualTo(TrialState.FAIL);
            assertThat(storage.trial(silent.id()).systemAttrs()).containsEntry(FrozenTrial.FAIL_REASON, "stale heartbeat");
            assertThat(storage.trial(noHeartbeat.id()).state()).isEqualTo(TrialState.RUNNING);
            if (fresh) {
                assertThat(failed).extracting(FrozenTrial::number).containsExactly(silent.number());
                assertThat(storage.trial(beating.id()).state()).isEqualTo(TrialState.RUNNING);
                return;
            }
        }
    }

    @Test
    void startTrialClaimsWaitingTrialsFirstAndRecordsTheFirstHeartbeat() throws Exception {
        long s = study("s");
        storage.createTrial(s, new FrozenTrial(-1, -1, TrialState.WAITING, List.of(), null, null, Map.of(), Map.of(),
                new TreeMap<>(), Map.of(), Map.of()));
        FrozenTrial claimed = storage.startTrial(s, true);
        assertThat(claimed.number()).isZero();
        assertThat(claimed.state()).isEqualTo(TrialState.RUNNING);
        FrozenTrial created = storage.startTrial(s, true);
        assertThat(created.number()).isEqualTo(1);
        assertThat(created.state()).isEqualTo(TrialState.RUNNING);
        FrozenTrial silent = storage.startTrial(s, false);
        Thread.sleep(250);
        // the first heartbeat came with the trial: both started trials are stale now, the third never beat
        assertThat(storage.failStaleTrials(s, Duration.ofMillis(200))).extracting(FrozenTrial::number)
                .containsExactly(0, 1);
        assertThat(storage.trial(silent.id()).state()).isEqualTo(TrialState.RUNNING);
    }

    @Test
    void deletingAStudyDeletesItsTrials() {
        long s = study("s");
        FrozenTrial t = storage.createTrial(s, null);
        storage.setTrialParam(t.id(), "x", 0.5, UNIT);
        storage.deleteStudy(s);
        long again = study("s");
        assertThat(storage.countTrials(again, ALL)).isZero();
        // the name is free again, and so is its parameter distribution
        FrozenTrial u = storage.createTrial(again, null);
        storage.setTrialParam(u.id(), "x", 1.5, FloatDistribution.of(0, 2));
    }
}
