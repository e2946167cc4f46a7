package nas.sim.physics;

import java.util.Arrays;
import java.util.SplittableRandom;
import nas.sim.config.LabConfig;
import nas.sim.control.NeuralNetwork;
import nas.sim.genome.CreatureGenome;

/**
 * Simulates a creature as an evaluation does and records its frames ({@link FrameRecording}) on the way, into a
 * buffer it keeps from one creature to the next. The simulation is the evaluation's, step for step (the same reset,
 * the same steps, nothing changed by taking a frame), so the result is the evaluation's and the frames are the ones
 * simulating the creature again would record. Used by one thread at a time.
 */
public final class FrameRecorder {

    private final int frameRate;
    /** False for {@link #timingOnly}: the first frame only. */
    private final boolean frames;
    private int[] values = new int[0];
    private int nodes;
    private int frameCount;
    private EvaluationResult result;

    /** @param frameRate frames per simulated second, at least 1 */
    public FrameRecorder(int frameRate) {
        this(frameRate, true);
    }

    private FrameRecorder(int frameRate, boolean frames) {
        if (frameRate < 1) {
            throw new IllegalArgumentException("frame rate must be >= 1, got " + frameRate);
        }
        this.frameRate = frameRate;
        this.frames = frames;
    }

    /**
     * The same simulation loop taking the first frame only: timed against a recorder, it says what recording adds
     * to an evaluation (to a countdown per step, which it keeps). It has no {@link #recording}.
     */
    public static FrameRecorder timingOnly() {
        return new FrameRecorder(1, false);
    }

    public int frameRate() {
        return frameRate;
    }

    /** The most bytes a recorder's buffer takes for creatures of {@code config} at {@code frameRate} (all nodes). */
    public static long maxBufferBytes(LabConfig config, int frameRate) {
        int every = Math.max(1, (int) Math.round(1.0 / (frameRate * config.timeStep())));
        return Integer.BYTES * (long) (config.numSteps() / every + 1) * (3L * LabConfig.SIM_MAX_NODES + 4);
    }

    /** Simulates {@code genome} with the pellet stream of {@code pelletSeed}, recording its frames; its result. */
    public EvaluationResult simulate(CreatureSimulator sim, CreatureGenome genome, LabConfig config, long pelletSeed) {
        NeuralNetwork net = config.useNeuralNet() && genome.brain() != null ? genome.brain().newNetwork() : null;
        sim.reset(genome, net, config, new SplittableRandom(pelletSeed));
        int every = frames ? Math.max(1, (int) Math.round(1.0 / (frameRate * config.timeStep()))) : Integer.MAX_VALUE;
        int steps = sim.steps();
        nodes = sim.nodeCount();
        int stride = 3 * nodes + 4;
        frameCount = steps / every + 1;
        if (values.length < frameCount * stride) {
            values = new int[frameCount * stride];
        }
        take(sim, values, 0, nodes);
        boolean stepping = !sim.disqualified();
        // a frame every `every` steps: a countdown (s % every == 0 costs a division a step)
        int untilFrame = every;
        int at = 0;
        for (int s = 1; s <= steps && stepping; s++) {
            sim.step();
            if (--untilFrame == 0) {
                at += stride;
                take(sim, values, at, nodes);
                untilFrame = every;
            }
        }
        if (!stepping) {
            // a creature disqualified at the start never moves: every frame is the first
            for (int f = 1; f < frameCount; f++) {
                System.arraycopy(values, 0, values, f * stride, stride);
            }
        }
        result = sim.result();
        return result;
    }

    /** The frames of the last creature {@link #simulate} ran, copied (the buffer is reused). */
    public FrameRecording recording() {
        if (!frames || result == null) {
            throw new IllegalStateException(frames ? "no creature simulated yet" : "a timing-only recorder keeps no frames");
        }
        return new FrameRecording(frameRate, nodes, frameCount, Arrays.copyOf(values, frameCount * (3 * nodes + 4)),
                result);
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
}
