package nas.server;

import static nas.server.Wire.convert;

import nas.storage.RunStore;

/**
 * The evolution-run store ({@link RunStore}) as named methods {@code runs.<method>}, registered next to
 * the storage contract by the server that owns the database; {@link RemoteRunStore} is the other end.
 * Records travel as JSON objects of their components (byte arrays as base64), except a generation to append,
 * which travels as one binary body.
 */
public final class RunStoreMethods {

    /** The prefix of the run store's method names. */
    public static final String PREFIX = "runs.";

    private RunStoreMethods() {
    }

    /** Registers every method of {@code runs} on {@code rpc}. */
    public static void register(RpcHandler rpc, RunStore runs) {
        reg(rpc, "createRun", a -> {
            runs.createRun(convert(a.get("run"), RunStore.Run.class), convert(a.get("owner"), RunStore.Owner.class));
            return null;
        });
        reg(rpc, "claim", a -> runs.claim(a.getString("id"), convert(a.get("owner"), RunStore.Owner.class),
                a.getLong("expectedLease")));
        reg(rpc, "beat", a -> runs.beat(a.getString("id"), convert(a.get("owner"), RunStore.Owner.class)));
        reg(rpc, "release", a -> {
            runs.release(a.getString("id"), convert(a.get("owner"), RunStore.Owner.class));
            return null;
        });
        reg(rpc, "heartbeat", a -> runs.heartbeat(a.getString("id")).orElse(null));
        reg(rpc, "heartbeats", a -> runs.heartbeats());
        reg(rpc, "run", a -> runs.run(a.getString("id")).orElse(null));
        reg(rpc, "runs", a -> runs.runs());
        // a generation travels as one binary body (GenerationBatchWire): in JSON its genomes and frames are base64
        rpc.registerBody(PREFIX + "appendGeneration", body -> {
            GenerationBatchWire.Request r = GenerationBatchWire.read(body);
            runs.appendGeneration(r.runId(), r.batch(), r.owner());
            return null;
        });
        reg(rpc, "generations", a -> runs.generations(a.getString("id"), a.getInt("from")));
        reg(rpc, "creatures", a -> runs.creatures(a.getString("id"), a.getInt("generation")));
        reg(rpc, "frames", a -> runs.frames(a.getString("id"), a.getInt("generation"), a.getInt("index")).orElse(null));
        reg(rpc, "framedCreatures", a -> runs.framedCreatures(a.getString("id"), a.getInt("generation")));
        reg(rpc, "lastCheckpoint", a -> runs.lastCheckpoint(a.getString("id")).orElse(null));
        reg(rpc, "rewind", a -> {
            runs.rewind(a.getString("id"), a.getInt("next"), a.getString("status"), a.getString("codeVersion"));
            return null;
        });
        reg(rpc, "setStatus", a -> {
            runs.setStatus(a.getString("id"), a.getString("status"));
            return null;
        });
        reg(rpc, "deleteRun", a -> runs.deleteRun(a.getString("id")));
    }

    private static void reg(RpcHandler rpc, String method, RpcMethod m) {
        rpc.register(PREFIX + method, m);
    }
}
