package nas.cli;

import nas.sim.evolution.EvolutionState;
import nas.sim.evolution.EvolutionStateBinary;
import nas.sim.evolution.EvolutionStateJson;
import nas.storage.Deflate;

/**
 * The stored form of a run's checkpoints: {@link EvolutionStateBinary} since it was introduced; earlier runs (and
 * their exports' imports before it) hold the deflated JSON of {@link EvolutionStateJson}, which still reads.
 */
final class Checkpoints {

    private Checkpoints() {
    }

    static byte[] encode(EvolutionState s) {
        return new EvolutionStateBinary().encode(s);
    }

    static EvolutionState decode(byte[] stored) {
        return EvolutionStateBinary.isBinary(stored) ? new EvolutionStateBinary().decode(stored)
                : new EvolutionStateJson().fromJson(Deflate.toText(stored));
    }

    /** The JSON form of a stored checkpoint (what exports carry). */
    static String toJson(byte[] stored) {
        return EvolutionStateBinary.isBinary(stored) ? new EvolutionStateJson().toJson(decode(stored))
                : Deflate.toText(stored);
    }

    /** The stored form of a checkpoint's JSON (an import's). */
    static byte[] fromJson(String json) {
        return encode(new EvolutionStateJson().fromJson(json));
    }
}
