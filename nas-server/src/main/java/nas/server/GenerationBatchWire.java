package nas.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import nas.storage.RunStore;

/**
 * A run's generation as one binary request body ({@code application/octet-stream}) instead of JSON: genomes,
 * frames and checkpoints travel as their bytes (JSON would carry them as base64 text, which the server decoded
 * through a map of every field: a quarter of its work while storing a run). Big-endian, in the records' field
 * order; a null is a 0 flag before the value (1 when present); a byte array is its length, then its bytes.
 */
final class GenerationBatchWire {

    /** The first bytes of a body: a mark and the format version. */
    private static final int MAGIC = 0x4E474231;

    private GenerationBatchWire() {
    }

    static byte[] write(String runId, RunStore.GenerationBatch b) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeUTF(runId);
            RunStore.Generation g = b.generation();
            out.writeInt(g.generation());
            for (double v : new double[] {g.best(), g.mean(), g.median(), g.worst(), g.bestEver()}) {
                out.writeDouble(v);
            }
            out.writeInt(g.pellets());
            out.writeBoolean(g.species() != null);
            if (g.species() != null) {
                out.writeInt(g.species());
            }
            writeString(out, g.creatureTypes());
            out.writeDouble(g.diversity());
            out.writeDouble(g.seconds());
            out.writeInt(b.creatures().size());
            for (RunStore.Creature c : b.creatures()) {
                out.writeInt(c.generation());
                out.writeInt(c.index());
                out.writeDouble(c.fitness());
                out.writeInt(c.pellets());
                out.writeDouble(c.distance());
                out.writeBoolean(c.disqualified());
                out.writeLong(c.pelletSeed());
                out.writeInt(c.nodes());
                out.writeInt(c.muscles());
                out.writeLong(c.genomeId());
                writeBytes(out, c.genome());
                out.writeInt(c.parents().length);
                for (int p : c.parents()) {
                    out.writeInt(p);
                }
                out.writeInt(c.survivalStreak());
            }
            out.writeInt(b.frames().size());
            for (RunStore.Frames f : b.frames()) {
                out.writeInt(f.generation());
                out.writeInt(f.index());
                writeBytes(out, f.data());
            }
            out.writeBoolean(b.checkpoint() != null);
            if (b.checkpoint() != null) {
                out.writeInt(b.checkpoint().generation());
                out.writeLong(b.checkpoint().createdMillis());
                writeBytes(out, b.checkpoint().state());
            }
            writeString(out, b.status());
            out.writeInt(b.bestGeneration());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run id and generation of a body {@link #write} made. */
    record Request(String runId, RunStore.GenerationBatch batch) {
    }

    static Request read(byte[] body) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a generation of a run (unknown body format)");
            }
            String runId = in.readUTF();
            int generation = in.readInt();
            double best = in.readDouble();
            double mean = in.readDouble();
            double median = in.readDouble();
            double worst = in.readDouble();
            double bestEver = in.readDouble();
            int pellets = in.readInt();
            Integer species = in.readBoolean() ? in.readInt() : null;
            String types = readString(in);
            RunStore.Generation g = new RunStore.Generation(generation, best, mean, median, worst, bestEver, pellets,
                    species, types, in.readDouble(), in.readDouble());
            int n = count(in, body.length);
            List<RunStore.Creature> creatures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int gen = in.readInt();
                int index = in.readInt();
                double fitness = in.readDouble();
                int eaten = in.readInt();
                double distance = in.readDouble();
                boolean disqualified = in.readBoolean();
                long pelletSeed = in.readLong();
                int nodes = in.readInt();
                int muscles = in.readInt();
                long genomeId = in.readLong();
                byte[] genome = readBytes(in, body.length);
                int[] parents = new int[count(in, body.length)];
                for (int k = 0; k < parents.length; k++) {
                    parents[k] = in.readInt();
                }
                creatures.add(new RunStore.Creature(gen, index, fitness, eaten, distance, disqualified, pelletSeed,
                        nodes, muscles, genomeId, genome, parents, in.readInt()));
            }
            int f = count(in, body.length);
            List<RunStore.Frames> frames = new ArrayList<>(f);
            for (int i = 0; i < f; i++) {
                frames.add(new RunStore.Frames(in.readInt(), in.readInt(), readBytes(in, body.length)));
            }
            RunStore.Checkpoint checkpoint = in.readBoolean()
                    ? new RunStore.Checkpoint(in.readInt(), in.readLong(), readBytes(in, body.length)) : null;
            String status = readString(in);
            int bestGeneration = in.readInt();
            if (in.available() > 0) {
                throw new IllegalArgumentException("a run's generation with " + in.available() + " bytes after its end");
            }
            return new Request(runId, new RunStore.GenerationBatch(g, creatures, frames, checkpoint, status,
                    bestGeneration));
        } catch (EOFException e) {
            throw new IllegalArgumentException("a run's generation cut short", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b == null ? -1 : b.length);
        if (b != null) {
            out.write(b);
        }
    }

    private static byte[] readBytes(DataInputStream in, int bodyLength) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > bodyLength) {
            throw new IllegalArgumentException("a run's generation with a damaged length (" + n + ")");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    private static int count(DataInputStream in, int bodyLength) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > bodyLength) {
            throw new IllegalArgumentException("a run's generation with a damaged count (" + n + ")");
        }
        return n;
    }
}
