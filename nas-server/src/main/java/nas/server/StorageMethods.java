package nas.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import nas.api.FrozenTrial;
import nas.api.TrialState;
import nas.api.distribution.Distributions;
import nas.api.storage.Storage;
import nas.api.storage.TrialKeys;

/**
 * The storage contract as named methods: one per {@link Storage} method, each decoding its
 * arguments with {@link Wire} and calling the storage the server owns. {@link RemoteStorage} is the
 * other end.
 */
public final class StorageMethods {

    private StorageMethods() {
    }

    /** Registers every contract method of {@code storage} on {@code rpc}, named {@code storage.<method>}. */
    public static void register(RpcHandler rpc, Storage s) {
        reg(rpc, "createStudy", a -> s.createStudy(a.getString("name"), Wire.directions(a.get("directions"))));
        reg(rpc, "deleteStudy", a -> {
            s.deleteStudy(a.getLong("study"));
            return null;
        });
        reg(rpc, "findStudy", a -> {
            OptionalLong id = s.findStudy(a.getString("name"));
            return id.isPresent() ? id.getAsLong() : null;
        });
        reg(rpc, "studyName", a -> s.studyName(a.getLong("study")));
        reg(rpc, "studyDirections", a -> Wire.directions(s.studyDirections(a.getLong("study"))));
        reg(rpc, "studies", a -> s.studies().stream().map(Wire::studyInfo).toList());
        reg(rpc, "studyUserAttrs", a -> s.studyUserAttrs(a.getLong("study")));
        reg(rpc, "studySystemAttrs", a -> s.studySystemAttrs(a.getLong("study")));
        reg(rpc, "setStudyUserAttr", a -> {
            s.setStudyUserAttr(a.getLong("study"), a.getString("key"), a.get("value"));
            return null;
        });
        reg(rpc, "setStudySystemAttr", a -> {
            s.setStudySystemAttr(a.getLong("study"), a.getString("key"), a.get("value"));
            return null;
        });
        reg(rpc, "compareAndSetStudySystemAttr", a -> s.compareAndSetStudySystemAttr(a.getLong("study"),
                a.getString("key"), a.get("expected"), a.get("value")));
        reg(rpc, "createTrial", a -> Wire.trial(s.createTrial(a.getLong("study"), Wire.trial(a.get("template")))));
        reg(rpc, "claimWaitingTrial", a -> {
            Optional<FrozenTrial> t = s.claimWaitingTrial(a.getLong("study"));
            return t.map(Wire::trial).orElse(null);
        });
        reg(rpc, "startTrial", a -> Wire.trial(s.startTrial(a.getLong("study"), a.getBoolean("heartbeat"))));
        reg(rpc, "setTrialParams", a -> {
            s.setTrialParams(a.getLong("trial"), Wire.doubleMap(a.get("values")), Wire.distributions(a.get("distributions")));
            return null;
        });
        reg(rpc, "setTrialParam", a -> {
            s.setTrialParam(a.getLong("trial"), a.getString("name"), a.getDouble("value"),
                    Distributions.fromMap((Map<?, ?>) a.get("distribution")));
            return null;
        });
        reg(rpc, "checkParamDistribution", a -> {
            s.checkParamDistribution(a.getLong("study"), a.getString("name"),
                    Distributions.fromMap((Map<?, ?>) a.get("distribution")));
            return null;
        });
        reg(rpc, "setTrialStateValues", a -> {
            s.setTrialStateValues(a.getLong("trial"), TrialState.valueOf(a.getString("state")),
                    Wire.doubles(a.get("values")));
            return null;
        });
        reg(rpc, "finishTrial", a -> {
            s.finishTrial(a.getLong("trial"), Wire.doubleMap(a.get("params")), Wire.distributions(a.get("distributions")),
                    TrialState.valueOf(a.getString("state")), Wire.doubles(a.get("values")));
            return null;
        });
        reg(rpc, "setTrialIntermediateValue", a -> s.setTrialIntermediateValue(a.getLong("trial"), a.getInt("step"),
                a.getDouble("value")));
        reg(rpc, "setTrialUserAttr", a -> {
            s.setTrialUserAttr(a.getLong("trial"), a.getString("key"), a.get("value"));
            return null;
        });
        reg(rpc, "setTrialSystemAttr", a -> {
            s.setTrialSystemAttr(a.getLong("trial"), a.getString("key"), a.get("value"));
            return null;
        });
        reg(rpc, "trial", a -> Wire.trial(s.trial(a.getLong("trial"))));
        reg(rpc, "trials", a -> Wire.trials(s.trials(a.getLong("study"), Wire.states(a.get("states")))));
        reg(rpc, "countTrials", a -> s.countTrials(a.getLong("study"), Wire.states(a.get("states"))));
        reg(rpc, "trialsFrom", a -> Wire.trials(s.trialsFrom(a.getLong("study"), Wire.states(a.get("states")),
                a.getInt("from"), a.getInt("limit"))));
        reg(rpc, "bestTrial", a -> s.bestTrial(a.getLong("study")).map(Wire::trial).orElse(null));
        reg(rpc, "trialKeys", a -> {
            TrialKeys keys = s.trialKeys(a.getLong("study"), Wire.states(a.get("states")));
            return Map.of("params", List.copyOf(keys.paramNames()), "userAttrs", List.copyOf(keys.userAttrKeys()),
                    "constraints", keys.constraints());
        });
        reg(rpc, "recordHeartbeat", a -> {
            s.recordHeartbeat(a.getLong("trial"));
            return null;
        });
        reg(rpc, "failStaleTrials", a -> Wire.trials(s.failStaleTrials(a.getLong("study"),
                Duration.ofNanos(a.getLong("graceNanos")))));
    }

    private static void reg(RpcHandler rpc, String method, RpcMethod m) {
        rpc.register(PREFIX + method, m);
    }

    /** The prefix of the storage contract's method names (other stores register names of their own). */
    public static final String PREFIX = "storage.";
}
