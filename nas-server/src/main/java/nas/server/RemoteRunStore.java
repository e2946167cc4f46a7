package nas.server;

import static nas.server.RpcClient.Kind.ONCE;
import static nas.server.RpcClient.Kind.REPEATABLE;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nas.storage.RunStore;

/** A {@link RunStore} in a storage server's process ({@link RunStoreMethods}): every call is one request. */
public final class RemoteRunStore implements RunStore {

    private final RpcClient rpc;

    public RemoteRunStore(RpcClient rpc) {
        this.rpc = rpc;
    }

    private Object call(String method, RpcClient.Kind kind, Object... namesAndValues) {
        Map<String, Object> args = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return rpc.call(RunStoreMethods.PREFIX + method, args, kind);
    }

    @Override
    public void createRun(Run run, Owner owner) {
        call("createRun", ONCE, "run", run, "owner", owner);
    }

    @Override
    public boolean claim(String runId, Owner owner, long expectedLease) {
        // repeated after a lost reply, it finds its own lease: false, though it holds the run; sent once
        return (Boolean) call("claim", ONCE, "id", runId, "owner", owner, "expectedLease", expectedLease);
    }

    @Override
    public boolean beat(String runId, Owner owner) {
        return (Boolean) call("beat", REPEATABLE, "id", runId, "owner", owner);
    }

    @Override
    public void release(String runId, Owner owner) {
        call("release", REPEATABLE, "id", runId, "owner", owner);
    }

    @Override
    public Optional<Heartbeat> heartbeat(String runId) {
        return Optional.ofNullable(Wire.convert(call("heartbeat", REPEATABLE, "id", runId), Heartbeat.class));
    }

    @Override
    public Map<String, Heartbeat> heartbeats() {
        Map<?, ?> tree = (Map<?, ?>) call("heartbeats", REPEATABLE);
        Map<String, Heartbeat> out = new java.util.LinkedHashMap<>();
        tree.forEach((id, h) -> out.put((String) id, Wire.convert(h, Heartbeat.class)));
        return out;
    }

    @Override
    public Optional<Run> run(String id) {
        return Optional.ofNullable(Wire.convert(call("run", REPEATABLE, "id", id), Run.class));
    }

    @Override
    public List<Run> runs() {
        return Wire.convertList(call("runs", REPEATABLE), Run.class);
    }

    @Override
    public void appendGeneration(String runId, GenerationBatch batch, Owner owner) {
        rpc.callWithBody(RunStoreMethods.PREFIX + "appendGeneration", GenerationBatchWire.write(runId, batch, owner),
                ONCE);
    }

    @Override
    public List<Generation> generations(String runId, int from) {
        return Wire.convertList(call("generations", REPEATABLE, "id", runId, "from", from), Generation.class);
    }

    @Override
    public List<Creature> creatures(String runId, int generation) {
        return Wire.convertList(call("creatures", REPEATABLE, "id", runId, "generation", generation), Creature.class);
    }

    @Override
    public Optional<Frames> frames(String runId, int generation, int index) {
        return Optional.ofNullable(Wire.convert(call("frames", REPEATABLE, "id", runId, "generation", generation,
                "index", index), Frames.class));
    }

    @Override
    public List<Integer> framedCreatures(String runId, int generation) {
        return Wire.convertList(call("framedCreatures", REPEATABLE, "id", runId, "generation", generation),
                Integer.class);
    }

    @Override
    public Optional<Checkpoint> lastCheckpoint(String runId) {
        return Optional.ofNullable(Wire.convert(call("lastCheckpoint", REPEATABLE, "id", runId), Checkpoint.class));
    }

    @Override
    public void rewind(String runId, int nextGeneration, String status, String codeVersion) {
        call("rewind", REPEATABLE, "id", runId, "next", nextGeneration, "status", status, "codeVersion", codeVersion);
    }

    @Override
    public void setStatus(String runId, String status) {
        call("setStatus", REPEATABLE, "id", runId, "status", status);
    }

    @Override
    public boolean deleteRun(String runId) {
        return (Boolean) call("deleteRun", ONCE, "id", runId);
    }
}
