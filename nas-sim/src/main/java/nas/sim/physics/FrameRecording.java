package nas.sim.physics;

import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import nas.sim.config.LabConfig;
import nas.sim.control.NeuralNetwork;
import nas.sim.genome.CreatureGenome;

/**
 * The frames of one creature's run, recorded by simulating it again (the simulation is deterministic, so
 * evaluating the population records nothing and costs nothing extra). A frame holds every node's position,
 * the pellet's position and the pellets collected so far, taken every {@code round(1 / (frameRate * dt))}
 * steps from the start. Positions are kept in millimetres (exactly, whatever the encoding). The stored form
 * (format 2) takes each value's track over the frames in turn and writes, as zig-zag varints, how far each value
 * lies from its prediction by constant velocity ({@code 2 v[f-1] - v[f-2]}; {@code v[f-1]} for the second frame,
 * 0 for the first), then deflates them: smooth motion leaves residuals near 0. Format 1 (differences to the
 * previous frame, frame by frame) is still read.
 *
 * @param frameRate  frames per simulated second
 * @param nodes      simulated nodes
 * @param frameCount frames
 * @param values     {@code frameCount * stride()} values: x, y, z (mm) per node, pellet x, y, z (mm), pellets
 * @param result     the run's result (equal to the evaluation's)
 */
public record FrameRecording(int frameRate, int nodes, int frameCount, int[] values, EvaluationResult result) {

    private static final int FORMAT = 2;
    private static final int FIRST_ORDER_FORMAT = 1;

    /** Values per frame. */
    public int stride() {
        return 3 * nodes + 4;
    }

    /** Value {@code k} of frame {@code f}. */
    public int value(int f, int k) {
        return values[f * stride() + k];
    }

    /** Simulated seconds of frame {@code f}. */
    public double time(int f) {
        return (double) f / frameRate;
    }

    /** Re-simulates {@code genome} with its pellet stream and records its frames. */
    public static FrameRecording record(CreatureSimulator sim, CreatureGenome genome, LabConfig config, long pelletSeed,
            int frameRate) {
        if (frameRate < 1) {
            throw new IllegalArgumentException("frame rate must be >= 1, got " + frameRate);
        }
        NeuralNetwork net = config.useNeuralNet() && genome.brain() != null ? genome.brain().newNetwork() : null;
        sim.reset(genome, net, config, new SplittableRandom(pelletSeed));
        int every = Math.max(1, (int) Math.round(1.0 / (frameRate * config.timeStep())));
        int steps = sim.steps();
        int nodes = sim.nodeCount();
        int stride = 3 * nodes + 4;
        int frames = steps / every + 1;
        int[] values = new int[frames * stride];
        take(sim, values, 0, nodes);
        boolean stepping = !sim.disqualified();
        for (int s = 1; s <= steps && stepping; s++) {
            sim.step();
            if (s % every == 0) {
                take(sim, values, (s / every) * stride, nodes);
            }
        }
        if (!stepping) {
            // a creature disqualified at the start never moves: every frame is the first
            for (int f = 1; f < frames; f++) {
                System.arraycopy(values, 0, values, f * stride, stride);
            }
        }
        return new FrameRecording(frameRate, nodes, frames, values, sim.result());
    }

    private static void take(CreatureSimulator sim, int[] out, int at, int nodes) {
        int k = at;
        for (int i = 0; i < nodes; i++) {
            out[k++] = mm(sim.nodeX(i));
            out[k++] = mm(sim.nodeY(i));
            out[k++] = mm(sim.nodeZ(i));
        }
        for (int axis = 0; axis < 3; axis++) {
            out[k++] = mm(sim.pelletCoordinate(axis));
        }
        out[k] = sim.pelletsCollected();
    }

    private static int mm(double metres) {
        double v = Math.rint(metres * 1000.0);
        return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : v < Integer.MIN_VALUE ? Integer.MIN_VALUE : (int) v;
    }

    /** The stored form (the result is not part of it: the creature's row holds it). */
    public byte[] encode() {
        Varints raw = new Varints(values.length + 16);
        raw.put(FORMAT);
        raw.put(frameRate);
        raw.put(nodes);
        raw.put(frameCount);
        int stride = stride();
        for (int k = 0; k < stride; k++) {
            for (int f = 0; f < frameCount; f++) {
                int d = values[f * stride + k] - predicted(values, f, k, stride);
                raw.put((d << 1) ^ (d >> 31));
            }
        }
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(raw.bytes, 0, raw.size);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.size / 2 + 16);
            byte[] buf = new byte[4096];
            while (!deflater.finished()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** Value {@code k} of frame {@code f} predicted from the two frames before it (constant velocity). */
    private static int predicted(int[] values, int f, int k, int stride) {
        if (f == 0) {
            return 0;
        }
        int previous = values[(f - 1) * stride + k];
        return f == 1 ? previous : 2 * previous - values[(f - 2) * stride + k];
    }

    /** Reads the stored form; the result is null (it is stored with the creature). */
    public static FrameRecording decode(byte[] stored) {
        byte[] raw = inflate(stored);
        int[] pos = {0};
        int format = readVarint(raw, pos);
        if (format != FORMAT && format != FIRST_ORDER_FORMAT) {
            throw new IllegalArgumentException("frames format " + format + " is not " + FORMAT);
        }
        int frameRate = readVarint(raw, pos);
        int nodes = readVarint(raw, pos);
        int frames = readVarint(raw, pos);
        int stride = 3 * nodes + 4;
        int[] values = new int[frames * stride];
        if (format == FIRST_ORDER_FORMAT) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (i < stride ? 0 : values[i - stride]) + zigzag(readVarint(raw, pos));
            }
        } else {
            for (int k = 0; k < stride; k++) {
                for (int f = 0; f < frames; f++) {
                    values[f * stride + k] = predicted(values, f, k, stride) + zigzag(readVarint(raw, pos));
                }
            }
        }
        return new FrameRecording(frameRate, nodes, frames, values, null);
    }

    private static int zigzag(int z) {
        return (z >>> 1) ^ -(z & 1);
    }

    /** A growing buffer of unsigned LEB128 varints. */
    private static final class Varints {
        byte[] bytes;
        int size;

        Varints(int capacity) {
            bytes = new byte[Math.max(16, capacity)];
        }

        void put(int v) {
            if (bytes.length - size < 5) {
                bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2);
            }
            while ((v & ~0x7F) != 0) {
                bytes[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[size++] = (byte) v;
        }
    }

    private static int readVarint(byte[] in, int[] pos) {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (pos[0] >= in.length) {
                throw new IllegalArgumentException("frames data is truncated");
            }
            int b = in[pos[0]++];
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("frames data holds a malformed number");
    }

    private static byte[] inflate(byte[] stored) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stored);
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 4);
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && inflater.needsInput()) {
                    throw new IllegalArgumentException("frames data is truncated");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("frames data is not deflated: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
