package nas.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import nas.storage.RunStore;

/**
 * A run's generation as one binary request body ({@code application/octet-stream}) instead of JSON: genomes,
 * frames and checkpoints travel as their bytes (JSON would carry them as base64 text, which the server decoded
 * through a map of every field: a quarter of its work while storing a run). Big-endian, in the records' field
 * order; a null is a 0 flag before the value (1 when present); a byte array is its length, then its bytes; a
 * string as {@link DataOutputStream#writeUTF} writes it. Read and written through one {@link ByteBuffer} of the
 * body's exact size (a stream's per-field calls cost the server more compiled code than the fields themselves).
 */
final class GenerationBatchWire {

    /** The first bytes of a body: a mark and the format version. */
    private static final int MAGIC = 0x4E474231;
    /**
     * The first bytes of a body appended by the run's holder ({@link RunStore.Owner}): then its host, pid and lease
     * follow the mark, and the rest is as after {@link #MAGIC}.
     */
    private static final int MAGIC_OWNED = 0x4E474232;

    private GenerationBatchWire() {
    }

    static byte[] write(String runId, RunStore.GenerationBatch b) {
        return write(runId, b, null);
    }

    /** A body for {@code owner}'s append (null: an append whoever holds the run). */
    static byte[] write(String runId, RunStore.GenerationBatch b, RunStore.Owner owner) {
        byte[] host = owner == null ? null : utf(owner.host());
        byte[] id = utf(runId);
        RunStore.Generation g = b.generation();
        byte[] types = g.creatureTypes() == null ? null : utf(g.creatureTypes());
        byte[] status = b.status() == null ? null : utf(b.status());
        long size = (owner == null ? 0 : host.length + 8 + 8) + 4 + id.length + 4 + 5 * 8 + 4 + 1 + (g.species() == null ? 0 : 4) + 1 + length(types) + 8 + 8 + 4;
        for (RunStore.Creature c : b.creatures()) {
            size += 4 + 4 + 8 + 4 + 8 + 1 + 8 + 4 + 4 + 8 + 4 + length(c.genome()) + 4 + 4L * c.parents().length + 4;
        }
        size += 4;
        for (RunStore.Frames f : b.frames()) {
            size += 4 + 4 + 4 + length(f.data());
        }
        size += 1 + (b.checkpoint() == null ? 0 : 4 + 8 + 4 + length(b.checkpoint().state())) + 1 + length(status) + 4;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a run's generation of " + size + " bytes is too large to send");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size);
        if (owner == null) {
            out.putInt(MAGIC);
        } else {
            out.putInt(MAGIC_OWNED).put(host).putLong(owner.pid()).putLong(owner.lease());
        }
        out.put(id);
        out.putInt(g.generation());
        out.putDouble(g.best()).putDouble(g.mean()).putDouble(g.median()).putDouble(g.worst()).putDouble(g.bestEver());
        out.putInt(g.pellets());
        out.put((byte) (g.species() != null ? 1 : 0));
        if (g.species() != null) {
            out.putInt(g.species());
        }
        putString(out, types);
        out.putDouble(g.diversity()).putDouble(g.seconds());
        out.putInt(b.creatures().size());
        for (RunStore.Creature c : b.creatures()) {
            out.putInt(c.generation()).putInt(c.index()).putDouble(c.fitness()).putInt(c.pellets())
                    .putDouble(c.distance()).put((byte) (c.disqualified() ? 1 : 0)).putLong(c.pelletSeed())
                    .putInt(c.nodes()).putInt(c.muscles()).putLong(c.genomeId());
            putBytes(out, c.genome());
            out.putInt(c.parents().length);
            for (int p : c.parents()) {
                out.putInt(p);
            }
            out.putInt(c.survivalStreak());
        }
        out.putInt(b.frames().size());
        for (RunStore.Frames f : b.frames()) {
            out.putInt(f.generation()).putInt(f.index());
            putBytes(out, f.data());
        }
        out.put((byte) (b.checkpoint() != null ? 1 : 0));
        if (b.checkpoint() != null) {
            out.putInt(b.checkpoint().generation()).putLong(b.checkpoint().createdMillis());
            putBytes(out, b.checkpoint().state());
        }
        putString(out, status);
        out.putInt(b.bestGeneration());
        return out.array();
    }

    /** The run id, generation and owner (null: none given) of a body {@link #write} made. */
    record Request(String runId, RunStore.GenerationBatch batch, RunStore.Owner owner) {
    }

    static Request read(byte[] body) {
        try {
            ByteBuffer in = ByteBuffer.wrap(body);
            int magic = body.length < 4 ? 0 : in.getInt();
            if (magic != MAGIC && magic != MAGIC_OWNED) {
                throw new IllegalArgumentException("not a generation of a run (unknown body format)");
            }
            RunStore.Owner owner = magic == MAGIC ? null : new RunStore.Owner(readUtf(in), in.getLong(), in.getLong());
            String runId = readUtf(in);
            int generation = in.getInt();
            double best = in.getDouble();
            double mean = in.getDouble();
            double median = in.getDouble();
            double worst = in.getDouble();
            double bestEver = in.getDouble();
            int pellets = in.getInt();
            Integer species = readBoolean(in) ? in.getInt() : null;
            String types = readString(in);
            RunStore.Generation g = new RunStore.Generation(generation, best, mean, median, worst, bestEver, pellets,
                    species, types, in.getDouble(), in.getDouble());
            int n = count(in);
            List<RunStore.Creature> creatures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int gen = in.getInt();
                int index = in.getInt();
                double fitness = in.getDouble();
                int eaten = in.getInt();
                double distance = in.getDouble();
                boolean disqualified = readBoolean(in);
                long pelletSeed = in.getLong();
                int nodes = in.getInt();
                int muscles = in.getInt();
                long genomeId = in.getLong();
                byte[] genome = readBytes(in);
                int[] parents = new int[count(in)];
                for (int k = 0; k < parents.length; k++) {
                    parents[k] = in.getInt();
                }
                creatures.add(new RunStore.Creature(gen, index, fitness, eaten, distance, disqualified, pelletSeed,
                        nodes, muscles, genomeId, genome, parents, in.getInt()));
            }
            int f = count(in);
            List<RunStore.Frames> frames = new ArrayList<>(f);
            for (int i = 0; i < f; i++) {
                frames.add(new RunStore.Frames(in.getInt(), in.getInt(), readBytes(in)));
            }
            RunStore.Checkpoint checkpoint = readBoolean(in)
                    ? new RunStore.Checkpoint(in.getInt(), in.getLong(), readBytes(in)) : null;
            String status = readString(in);
            int bestGeneration = in.getInt();
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("a run's generation with " + in.remaining() + " bytes after its end");
            }
            return new Request(runId, new RunStore.GenerationBatch(g, creatures, frames, checkpoint, status,
                    bestGeneration), owner);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("a run's generation cut short", e);
        }
    }

    /** A string as {@link DataOutputStream#writeUTF} writes it (its length in two bytes, then modified UTF-8). */
    private static byte[] utf(String s) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length() + 2);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(s);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readUtf(ByteBuffer in) {
        int start = in.position();
        int n = Short.toUnsignedInt(in.getShort());
        if (n > in.remaining()) {
            throw new BufferUnderflowException();
        }
        in.position(start + 2 + n);
        try {
            return new DataInputStream(new ByteArrayInputStream(in.array(), start, 2 + n)).readUTF();
        } catch (IOException e) {
            throw new IllegalArgumentException("a run's generation with a damaged text", e);
        }
    }

    private static int length(byte[] b) {
        return b == null ? 0 : b.length;
    }

    private static void putString(ByteBuffer out, byte[] utf) {
        out.put((byte) (utf != null ? 1 : 0));
        if (utf != null) {
            out.put(utf);
        }
    }

    private static String readString(ByteBuffer in) {
        return readBoolean(in) ? readUtf(in) : null;
    }

    private static boolean readBoolean(ByteBuffer in) {
        return in.get() != 0;
    }

    private static void putBytes(ByteBuffer out, byte[] b) {
        out.putInt(b == null ? -1 : b.length);
        if (b != null) {
            out.put(b);
        }
    }

    private static byte[] readBytes(ByteBuffer in) {
        int n = in.getInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > in.remaining()) {
            throw new IllegalArgumentException("a run's generation with a damaged length (" + n + ")");
        }
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    private static int count(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new IllegalArgumentException("a run's generation with a damaged count (" + n + ")");
        }
        return n;
    }
}
