package nas.server;

import static nas.server.RpcClient.Kind.ONCE;
import static nas.server.RpcClient.Kind.REPEATABLE;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.Distribution;
import nas.api.distribution.Distributions;
import nas.api.exception.TrialFinishedException;
import nas.api.storage.Storage;
import nas.api.storage.StudyInfo;
import nas.api.storage.TrialKeys;
import nas.storage.RunStorage;

/**
 * A {@link Storage} whose studies live in a storage server's process ({@link StorageServer}): every
 * call is one request to it. Exceptions arrive with their type and message, so code using it
 * behaves as with the storage the server owns.
 */
public final class RemoteStorage implements Storage, RunStorage {

    private final RpcClient rpc;
    /**
     * The distributions this client has stored, by trial: a study's distribution for a name never
     * changes once stored, so checking the same one again needs no round trip (a worker checks
     * every parameter of every trial).
     */
    private final Map<Long, Map<String, Distribution>> storedDistributions = new java.util.concurrent.ConcurrentHashMap<>();
    /** The study of each trial this client started, for {@link #storedDistributions}. */
    private final Map<Long, Long> studyOfTrial = new java.util.concurrent.ConcurrentHashMap<>();

    public RemoteStorage(RpcClient rpc) {
        this.rpc = rpc;
    }

    /** A storage talking to the server at {@code endpoint} (retrying for 30 s when it is unreachable). */
    public static RemoteStorage connect(ServerEndpoint endpoint) {
        return new RemoteStorage(new RpcClient(() -> endpoint, Duration.ofSeconds(30)));
    }

    /** The evolution runs ({@code nas evolve}) of the same server's database. */
    @Override
    public RemoteRunStore runs() {
        return new RemoteRunStore(rpc);
    }

    /**
     * Calls a streamed method the server offers besides the storage contract (an export) and copies
     * hands its reply to {@code reader} as it arrives ({@link RpcClient#download}).
     */
    public void download(String method, Map<String, Object> args, RpcClient.ReplyReader reader) {
        rpc.download(method, args, reader);
    }

    /** The server in use. */
    public ServerEndpoint endpoint() {
        return rpc.endpoint();
    }

    /** Closes this client's connections to the server (the server and its studies stay). */
    @Override
    public void close() {
        rpc.close();
    }

    private Object call(String method, RpcClient.Kind kind, Object... namesAndValues) {
        Map<String, Object> args = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return rpc.call(StorageMethods.PREFIX + method, args, kind);
    }

    private static long asLong(Object o) {
        return ((Number) o).longValue();
    }

    @Override
    public long createStudy(String name, List<StudyDirection> directions) {
        return asLong(call("createStudy", ONCE, "name", name, "directions", Wire.directions(directions)));
    }

    @Override
    public void deleteStudy(long studyId) {
        call("deleteStudy", ONCE, "study", studyId);
        storedDistributions.remove(studyId);
    }

    @Override
    public OptionalLong findStudy(String name) {
        Object id = call("findStudy", REPEATABLE, "name", name);
        return id == null ? OptionalLong.empty() : OptionalLong.of(asLong(id));
    }

    @Override
    public String studyName(long studyId) {
        return (String) call("studyName", REPEATABLE, "study", studyId);
    }

    @Override
    public List<StudyDirection> studyDirections(long studyId) {
        return Wire.directions(call("studyDirections", REPEATABLE, "study", studyId));
    }

    @Override
    public List<StudyInfo> studies() {
        return ((List<?>) call("studies", REPEATABLE)).stream().map(Wire::studyInfo).toList();
    }

    @Override
    public Map<String, Object> studyUserAttrs(long studyId) {
        return Wire.attrs(call("studyUserAttrs", REPEATABLE, "study", studyId));
    }

    @Override
    public Map<String, Object> studySystemAttrs(long studyId) {
        return Wire.attrs(call("studySystemAttrs", REPEATABLE, "study", studyId));
    }

    @Override
    public void setStudyUserAttr(long studyId, String key, Object value) {
        call("setStudyUserAttr", REPEATABLE, "study", studyId, "key", key, "value", checked(value));
    }

    @Override
    public void setStudySystemAttr(long studyId, String key, Object value) {
        call("setStudySystemAttr", REPEATABLE, "study", studyId, "key", key, "value", checked(value));
    }

    @Override
    public boolean compareAndSetStudySystemAttr(long studyId, String key, Object expected, Object value) {
        return (Boolean) call("compareAndSetStudySystemAttr", ONCE, "study", studyId, "key", key, "expected",
                checked(expected), "value", checked(value));
    }

    @Override
    public FrozenTrial createTrial(long studyId, FrozenTrial template) {
        return Wire.trial(call("createTrial", ONCE, "study", studyId, "template",
                template == null ? null : Wire.trial(template)));
    }

    @Override
    public Optional<FrozenTrial> claimWaitingTrial(long studyId) {
        return Optional.ofNullable(Wire.trial(call("claimWaitingTrial", ONCE, "study", studyId)));
    }

    @Override
    public FrozenTrial startTrial(long studyId, boolean heartbeat) {
        FrozenTrial t = Wire.trial(call("startTrial", ONCE, "study", studyId, "heartbeat", heartbeat));
        studyOfTrial.put(t.id(), studyId);
        return t;
    }

    @Override
    public void setTrialParam(long trialId, String name, double internalValue, Distribution distribution) {
        call("setTrialParam", REPEATABLE, "trial", trialId, "name", name, "value", internalValue, "distribution",
                Distributions.toMap(distribution));
    }

    @Override
    public void setTrialParams(long trialId, Map<String, Double> internalValues, Map<String, Distribution> distributions) {
        call("setTrialParams", REPEATABLE, "trial", trialId, "values", internalValues, "distributions",
                Wire.distributions(distributions));
    }

    @Override
    public void checkParamDistribution(long studyId, String name, Distribution distribution) {
        if (distribution.equals(storedDistributions.getOrDefault(studyId, Map.of()).get(name))) {
            return;
        }
        call("checkParamDistribution", REPEATABLE, "study", studyId, "name", name, "distribution",
                Distributions.toMap(distribution));
    }

    @Override
    public void setTrialStateValues(long trialId, TrialState state, List<Double> values) {
        studyOfTrial.remove(trialId);
        finishOnce(trialId, state, values, rpc.send(StorageMethods.PREFIX + "setTrialStateValues",
                Map.of("trial", trialId, "state", state.name(), "values", values), ONCE));
    }

    @Override
    public void finishTrial(long trialId, Map<String, Double> internalValues, Map<String, Distribution> distributions,
            TrialState state, List<Double> values) {
        finishOnce(trialId, state, values, rpc.send(StorageMethods.PREFIX + "finishTrial", Map.of("trial", trialId,
                "params", internalValues, "distributions", Wire.distributions(distributions), "state", state.name(),
                "values", values), ONCE));
        remember(trialId, distributions);
    }

    /** Distributions just stored for a trial this client started are now the study's. */
    private void remember(long trialId, Map<String, Distribution> distributions) {
        Long study = studyOfTrial.remove(trialId);
        if (study != null && !distributions.isEmpty()) {
            storedDistributions.computeIfAbsent(study, k -> new java.util.concurrent.ConcurrentHashMap<>())
                    .putAll(distributions);
        }
    }

    /**
     * The end of a finishing call. When the server that first got it died and a new one found the
     * trial already finished as asked, the first one had stored it before dying: that is success.
     */
    private void finishOnce(long trialId, TrialState state, List<Double> values, RpcClient.Reply reply) {
        if (reply.error() == null) {
            return;
        }
        if (reply.movedServer() && reply.error() instanceof TrialFinishedException) {
            FrozenTrial stored = trial(trialId);
            if (stored.state() == state && stored.values().equals(values)) {
                return;
            }
        }
        throw reply.error();
    }

    @Override
    public boolean setTrialIntermediateValue(long trialId, int step, double value) {
        return (Boolean) call("setTrialIntermediateValue", ONCE, "trial", trialId, "step", step, "value", value);
    }

    @Override
    public void setTrialUserAttr(long trialId, String key, Object value) {
        call("setTrialUserAttr", REPEATABLE, "trial", trialId, "key", key, "value", checked(value));
    }

    @Override
    public void setTrialSystemAttr(long trialId, String key, Object value) {
        call("setTrialSystemAttr", REPEATABLE, "trial", trialId, "key", key, "value", checked(value));
    }

    @Override
    public FrozenTrial trial(long trialId) {
        return Wire.trial(call("trial", REPEATABLE, "trial", trialId));
    }

    @Override
    public List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
        return Wire.trialList(call("trials", REPEATABLE, "study", studyId, "states", Wire.states(states)));
    }

    @Override
    public int countTrials(long studyId, Set<TrialState> states) {
        return ((Number) call("countTrials", REPEATABLE, "study", studyId, "states", Wire.states(states))).intValue();
    }

    @Override
    public List<FrozenTrial> trialsFrom(long studyId, Set<TrialState> states, int fromNumber, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0, but got " + limit);
        }
        return Wire.trialList(call("trialsFrom", REPEATABLE, "study", studyId, "states", Wire.states(states), "from",
                fromNumber, "limit", limit));
    }

    @Override
    public Optional<FrozenTrial> bestTrial(long studyId) {
        return Optional.ofNullable(Wire.trial(call("bestTrial", REPEATABLE, "study", studyId)));
    }

    @Override
    public TrialKeys trialKeys(long studyId, Set<TrialState> states) {
        Map<?, ?> keys = (Map<?, ?>) call("trialKeys", REPEATABLE, "study", studyId, "states", Wire.states(states));
        return new TrialKeys(strings(keys.get("params")), strings(keys.get("userAttrs")),
                ((Number) keys.get("constraints")).intValue());
    }

    private static Set<String> strings(Object json) {
        Set<String> out = new java.util.TreeSet<>();
        ((List<?>) json).forEach(o -> out.add((String) o));
        return out;
    }

    @Override
    public void recordHeartbeat(long trialId) {
        call("recordHeartbeat", REPEATABLE, "trial", trialId);
    }

    @Override
    public List<FrozenTrial> failStaleTrials(long studyId, Duration grace) {
        return Wire.trialList(call("failStaleTrials", ONCE, "study", studyId, "graceNanos", grace.toNanos()));
    }

    /** Validates an attribute value here, as an in-process storage would, before it is sent. */
    private static Object checked(Object value) {
        return nas.api.json.Json.freeze(value);
    }
}
