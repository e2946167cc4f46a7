package nas.api.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.Distribution;
import nas.api.distribution.Distributions;
import nas.api.exception.DuplicateStudyException;
import nas.api.exception.StudyNotFoundException;
import nas.api.exception.TrialFinishedException;
import nas.api.json.Json;

/**
 * Storage in the heap of one process: fast, thread-safe, gone when the process ends. One lock
 * guards everything; snapshots are cached per trial and rebuilt only after a write.
 */
public final class InMemoryStorage implements Storage {

    private final Map<Long, StudyRecord> studies = new LinkedHashMap<>();
    private final Map<String, StudyRecord> studiesByName = new HashMap<>();
    private final Map<Long, TrialRecord> trialsById = new HashMap<>();
    private long nextStudyId;
    private long nextTrialId;

    private static final class StudyRecord {
        final long id;
        final String name;
        final List<StudyDirection> directions;
        final Map<String, Object> userAttrs = new LinkedHashMap<>();
        final Map<String, Object> systemAttrs = new LinkedHashMap<>();
        final List<TrialRecord> trials = new ArrayList<>();
        final Map<String, Distribution> paramDistributions = new HashMap<>();
        final java.util.ArrayDeque<TrialRecord> waiting = new java.util.ArrayDeque<>();

        StudyRecord(long id, String name, List<StudyDirection> directions) {
            this.id = id;
            this.name = name;
            this.directions = List.copyOf(directions);
        }
    }

    private static final class TrialRecord {
        final long id;
        final int number;
        final StudyRecord study;
        TrialState state;
        List<Double> values = List.of();
        Instant start;
        Instant complete;
        final Map<String, Double> params = new LinkedHashMap<>();
        final Map<String, Distribution> distributions = new LinkedHashMap<>();
        final TreeMap<Integer, Double> intermediate = new TreeMap<>();
        final Map<String, Object> userAttrs = new LinkedHashMap<>();
        final Map<String, Object> systemAttrs = new LinkedHashMap<>();
        Instant heartbeat;
        FrozenTrial snapshot;

        TrialRecord(long id, int number, StudyRecord study) {
            this.id = id;
            this.number = number;
            this.study = study;
        }

        FrozenTrial snapshot() {
            if (snapshot == null) {
                snapshot = new FrozenTrial(id, number, state, values, start, complete, params, distributions,
                        intermediate, userAttrs, systemAttrs);
            }
            return snapshot;
        }

        void checkWritable() {
            if (state.isFinished()) {
                throw new TrialFinishedException(number, state);
            }
        }
    }

    @Override
    public synchronized long createStudy(String name, List<StudyDirection> directions) {
        nas.api.Studies.checkName(name);
        if (directions == null || directions.isEmpty()) {
            throw new IllegalArgumentException("a study needs at least one direction");
        }
        if (studiesByName.containsKey(name)) {
            throw new DuplicateStudyException(name);
        }
        StudyRecord s = new StudyRecord(nextStudyId++, name, directions);
        studies.put(s.id, s);
        studiesByName.put(name, s);
        return s.id;
    }

    @Override
    public synchronized void deleteStudy(long studyId) {
        StudyRecord s = study(studyId);
        studies.remove(studyId);
        studiesByName.remove(s.name);
        for (TrialRecord t : s.trials) {
            trialsById.remove(t.id);
        }
    }

    @Override
    public synchronized OptionalLong findStudy(String name) {
        StudyRecord s = studiesByName.get(name);
        return s == null ? OptionalLong.empty() : OptionalLong.of(s.id);
    }

    @Override
    public synchronized String studyName(long studyId) {
        return study(studyId).name;
    }

    @Override
    public synchronized List<StudyDirection> studyDirections(long studyId) {
        return study(studyId).directions;
    }

    @Override
    public synchronized List<StudyInfo> studies() {
        List<StudyInfo> out = new ArrayList<>();
        for (StudyRecord s : studies.values()) {
            Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
            for (TrialRecord t : s.trials) {
                counts.merge(t.state, 1, Integer::sum);
            }
            out.add(new StudyInfo(s.id, s.name, s.directions, counts));
        }
        return out;
    }

    @Override
    public synchronized Map<String, Object> studyUserAttrs(long studyId) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(study(studyId).userAttrs));
    }

    @Override
    public synchronized Map<String, Object> studySystemAttrs(long studyId) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(study(studyId).systemAttrs));
    }

    @Override
    public synchronized void setStudyUserAttr(long studyId, String key, Object value) {
        study(studyId).userAttrs.put(Objects.requireNonNull(key, "key"), Json.freeze(value));
    }

    @Override
    public synchronized void setStudySystemAttr(long studyId, String key, Object value) {
        study(studyId).systemAttrs.put(Objects.requireNonNull(key, "key"), Json.freeze(value));
    }

    @Override
    public synchronized boolean compareAndSetStudySystemAttr(long studyId, String key, Object expected, Object value) {
        Map<String, Object> attrs = study(studyId).systemAttrs;
        if (!Objects.equals(attrs.get(key), Json.freeze(expected))) {
            return false;
        }
        attrs.put(key, Json.freeze(value));
        return true;
    }

    @Override
    public synchronized FrozenTrial createTrial(long studyId, FrozenTrial template) {
        StudyRecord s = study(studyId);
        TrialRecord t = new TrialRecord(nextTrialId++, s.trials.size(), s);
        if (template == null) {
            t.state = TrialState.RUNNING;
            t.start = Instant.now();
        } else {
            for (Map.Entry<String, Double> e : template.internalParams().entrySet()) {
                checkDistribution(s, e.getKey(), template.distributions().get(e.getKey()));
            }
            t.state = template.state();
            t.values = template.values();
            t.start = template.state() == TrialState.WAITING ? null
                    : template.datetimeStart() != null ? template.datetimeStart() : Instant.now();
            t.complete = template.state().isFinished()
                    ? (template.datetimeComplete() != null ? template.datetimeComplete() : Instant.now()) : null;
            t.params.putAll(template.internalParams());
            t.distributions.putAll(template.distributions());
            t.intermediate.putAll(template.intermediateValues());
            t.userAttrs.putAll(template.userAttrs());
            t.systemAttrs.putAll(template.systemAttrs());
            for (Map.Entry<String, Distribution> e : template.distributions().entrySet()) {
                s.paramDistributions.putIfAbsent(e.getKey(), e.getValue());
            }
        }
        s.trials.add(t);
        trialsById.put(t.id, t);
        if (t.state == TrialState.WAITING) {
            s.waiting.addLast(t);
        }
        return t.snapshot();
    }

    @Override
    public synchronized Optional<FrozenTrial> claimWaitingTrial(long studyId) {
        java.util.ArrayDeque<TrialRecord> waiting = study(studyId).waiting;
        while (!waiting.isEmpty()) {
            TrialRecord t = waiting.pollFirst();
            if (t.state == TrialState.WAITING) {
                t.state = TrialState.RUNNING;
                t.start = Instant.now();
                t.snapshot = null;
                return Optional.of(t.snapshot());
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized void setTrialParam(long trialId, String name, double internalValue, Distribution distribution) {
        TrialRecord t = trial0(trialId);
        t.checkWritable();
        if (!distribution.contains(internalValue)) {
            throw new IllegalArgumentException("value " + internalValue + " of parameter '" + name + "' is outside "
                    + Distributions.describe(distribution));
        }
        checkDistribution(t.study, name, distribution);
        t.study.paramDistributions.putIfAbsent(name, distribution);
        t.params.put(name, internalValue);
        t.distributions.put(name, distribution);
        t.snapshot = null;
    }

    @Override
    public synchronized void setTrialParams(long trialId, Map<String, Double> internalValues,
            Map<String, Distribution> distributions) {
        for (Map.Entry<String, Double> e : internalValues.entrySet()) {
            setTrialParam(trialId, e.getKey(), e.getValue(), distributions.get(e.getKey()));
        }
    }

    @Override
    public synchronized void finishTrial(long trialId, Map<String, Double> internalValues,
            Map<String, Distribution> distributions, TrialState state, List<Double> values) {
        setTrialParams(trialId, internalValues, distributions);
        setTrialStateValues(trialId, state, values);
    }

    @Override
    public synchronized void checkParamDistribution(long studyId, String name, Distribution distribution) {
        checkDistribution(study(studyId), name, distribution);
    }

    private static void checkDistribution(StudyRecord s, String name, Distribution d) {
        Distribution known = s.paramDistributions.get(name);
        if (known != null && !known.equals(d)) {
            throw new IllegalArgumentException("parameter '" + name + "' was already suggested in study '" + s.name
                    + "' as " + Distributions.describe(known) + " and cannot now be " + Distributions.describe(d)
                    + Distributions.ONE_PER_NAME);
        }
    }

    @Override
    public synchronized void setTrialStateValues(long trialId, TrialState state, List<Double> values) {
        TrialRecord t = trial0(trialId);
        t.checkWritable();
        t.state = state;
        t.values = values == null ? List.of() : List.copyOf(values);
        if (state == TrialState.RUNNING && t.start == null) {
            t.start = Instant.now();
        }
        if (state.isFinished()) {
            t.complete = Instant.now();
        }
        t.snapshot = null;
    }

    @Override
    public synchronized boolean setTrialIntermediateValue(long trialId, int step, double value) {
        TrialRecord t = trial0(trialId);
        t.checkWritable();
        if (t.intermediate.containsKey(step)) {
            return false;
        }
        t.intermediate.put(step, value);
        t.snapshot = null;
        return true;
    }

    @Override
    public synchronized void setTrialUserAttr(long trialId, String key, Object value) {
        TrialRecord t = trial0(trialId);
        t.checkWritable();
        t.userAttrs.put(Objects.requireNonNull(key, "key"), Json.freeze(value));
        t.snapshot = null;
    }

    @Override
    public synchronized void setTrialSystemAttr(long trialId, String key, Object value) {
        TrialRecord t = trial0(trialId);
        t.checkWritable();
        t.systemAttrs.put(Objects.requireNonNull(key, "key"), Json.freeze(value));
        t.snapshot = null;
    }

    @Override
    public synchronized FrozenTrial trial(long trialId) {
        return trial0(trialId).snapshot();
    }

    @Override
    public synchronized List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
        List<TrialRecord> all = study(studyId).trials;
        List<FrozenTrial> out = new ArrayList<>(all.size());
        for (TrialRecord t : all) {
            if (states.isEmpty() || states.contains(t.state)) {
                out.add(t.snapshot());
            }
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public synchronized List<FrozenTrial> trialsFrom(long studyId, Set<TrialState> states, int fromNumber, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0, but got " + limit);
        }
        // a study's trials are kept at the index of their number
        List<TrialRecord> all = study(studyId).trials;
        List<FrozenTrial> out = new ArrayList<>();
        for (int i = Math.max(0, fromNumber); i < all.size() && out.size() < limit; i++) {
            TrialRecord t = all.get(i);
            if (states.isEmpty() || states.contains(t.state)) {
                out.add(t.snapshot());
            }
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public synchronized int countTrials(long studyId, Set<TrialState> states) {
        int n = 0;
        for (TrialRecord t : study(studyId).trials) {
            if (states.isEmpty() || states.contains(t.state)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized void recordHeartbeat(long trialId) {
        TrialRecord t = trial0(trialId);
        t.checkWritable();
        t.heartbeat = Instant.now();
    }

    @Override
    public synchronized List<FrozenTrial> failStaleTrials(long studyId, Duration grace) {
        Instant limit = Instant.now().minus(grace);
        List<FrozenTrial> failed = new ArrayList<>();
        for (TrialRecord t : study(studyId).trials) {
            if (t.state == TrialState.RUNNING && t.heartbeat != null && t.heartbeat.isBefore(limit)) {
                t.systemAttrs.put(FrozenTrial.FAIL_REASON, "stale heartbeat");
                t.state = TrialState.FAIL;
                t.complete = Instant.now();
                t.snapshot = null;
                failed.add(t.snapshot());
            }
        }
        return failed;
    }

    private StudyRecord study(long studyId) {
        StudyRecord s = studies.get(studyId);
        if (s == null) {
            throw new StudyNotFoundException("with id " + studyId);
        }
        return s;
    }

    private TrialRecord trial0(long trialId) {
        TrialRecord t = trialsById.get(trialId);
        if (t == null) {
            throw new IllegalArgumentException("no trial with id " + trialId);
        }
        return t;
    }
}
