package nas.sim.physics;

import nas.sim.config.LabConfig;
import nas.sim.genome.CreatureGenome;

/**
 * The frames of one creature's run, recorded while it is evaluated or by simulating it again (the simulation is
 * deterministic: both record the same frames; {@link FrameRecorder}). A frame holds every node's position,
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

    /** Re-simulates {@code genome} with its pellet stream and records its frames ({@link FrameRecorder}). */
    public static FrameRecording record(CreatureSimulator sim, CreatureGenome genome, LabConfig config, long pelletSeed,
            int frameRate) {
        FrameRecorder recorder = new FrameRecorder(frameRate);
        recorder.simulate(sim, genome, config, pelletSeed);
        return recorder.recording();
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
