package nas.sim.physics;

import java.util.SplittableRandom;
import nas.sim.config.LabConfig;
import nas.sim.control.NeuralNetwork;
import nas.sim.genome.CreatureGenome;

/**
 * The frames of one creature's run, recorded by simulating it again (the simulation is deterministic, so
 * evaluating the population records nothing and costs nothing extra). A frame holds every node's position,
 * the pellet's position and the pellets collected so far, taken every {@code round(1 / (frameRate * dt))}
 * steps from the start. Positions are kept in millimetres, exactly; {@link FrameCodec} gives the stored form.
 *
 * @param frameRate  frames per simulated second
 * @param nodes      simulated nodes
 * @param frameCount frames
 * @param values     {@code frameCount * stride()} values: x, y, z (mm) per node, pellet x, y, z (mm), pellets
 * @param result     the run's result (equal to the evaluation's)
 */
public record FrameRecording(int frameRate, int nodes, int frameCount, int[] values, EvaluationResult result) {

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

    /**
     * Physics steps between two frames at {@code frameRate}. Frames are taken every whole number of steps, so the
     * rate must divide the physics rate {@code 1 / timeStep} (at the presets' 1/30 s: 1, 2, 3, 5, 6, 10, 15 or 30
     * frames a second); another rate would be recorded at a rate other than the one it is stored and replayed with.
     *
     * @throws IllegalArgumentException for a rate that does not divide the physics rate
     */
    public static int stepsPerFrame(int frameRate, double timeStep) {
        double steps = 1.0 / (frameRate * timeStep);
        long whole = Math.round(steps);
        if (frameRate >= 1 && whole >= 1 && Math.abs(steps - whole) <= 1e-9 * steps) {
            return (int) whole;
        }
        double physics = 1.0 / timeStep;
        StringBuilder rates = new StringBuilder();
        long perSecond = Math.round(physics);
        if (Math.abs(physics - perSecond) <= 1e-9 * physics && perSecond <= 10_000) {
            for (long d = 1; d <= perSecond; d++) {
                if (perSecond % d == 0) {
                    rates.append(rates.length() == 0 ? "" : ", ").append(d);
                }
            }
        }
        throw new IllegalArgumentException("frame rate " + frameRate + " does not divide the physics rate of "
                + String.format(java.util.Locale.ROOT, "%.6g", physics) + " steps per simulated second (time_step "
                + timeStep + "): frames are taken every whole number of steps"
                + (rates.length() == 0 ? "" : "; give one of " + rates));
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

    /** The stored form ({@link FrameCodec}); the result is not part of it: the creature's row holds it. */
    public byte[] encode() {
        return FrameCodec.encode(this);
    }

    /** Reads the stored form, of any format; the result is null (it is stored with the creature). */
    public static FrameRecording decode(byte[] stored) {
        return FrameCodec.decode(stored);
    }
}
