package nas.sim.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import nas.sim.config.LabConfig;
import nas.sim.config.Presets;
import nas.sim.control.SensorLayout;
import nas.sim.evolution.BrainOperatorsFactory;
import nas.sim.evolution.EvolutionRun;
import nas.sim.genetics.BrainOperators;
import nas.sim.genome.GenomeFactory;
import org.junit.jupiter.api.Test;

/** The stored form of recorded frames: exact, smaller than the deflated form before it, and old forms still read. */
class FrameCodecTest {

    /**
     * No nodes (4 values a frame), 3 frames: 1 2 3 0, then 4 2 1 1, then 7 2 0 1. Residuals to the
     * constant-velocity prediction, track by track: 1 3 0 | 2 0 0 | 3 -2 1 | 0 1 -1.
     */
    private static final int[] SMALL = {1, 2, 3, 0, 4, 2, 1, 1, 7, 2, 0, 1};

    @Test
    void aSmallRecordingIsStoredExactly() {
        byte[] stored = new FrameRecording(15, 0, 3, SMALL, null).encode();
        // format 3, 15 fps, 0 nodes, 3 frames, then the range coder's output, which starts with a 0 byte
        assertThat(Arrays.copyOf(stored, 5)).containsExactly(3, 15, 0, 3, 0);
        FrameRecording back = FrameRecording.decode(stored);
        assertThat(back.values()).containsExactly(SMALL);
        assertThat(back.frameRate()).isEqualTo(15);
        assertThat(back.nodes()).isZero();
        assertThat(back.frameCount()).isEqualTo(3);
    }

    @Test
    void theStoredBytesAreFormatThreesAsWrittenBefore() {
        // stored runs hold these bytes: a faster coder must write exactly what the coder before it wrote
        assertThat(new FrameRecording(15, 0, 3, SMALL, null).encode())
                .containsExactly(3, 15, 0, 3, 0, -50, -101, -30, 101, 30, 114, 9, 103);
        SplittableRandom rng = new SplittableRandom(5);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        long bytes = 0;
        for (int trial = 0; trial < 200; trial++) {
            int nodes = rng.nextInt(0, 8);
            int frames = rng.nextInt(0, 200);
            int stride = 3 * nodes + 4;
            int[] values = new int[frames * stride];
            int kind = trial % 4;
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (kind) {
                    case 0 -> rng.nextInt(); // carries through runs of 0xFF bytes, residuals of 32 bits
                    case 1 -> rng.nextInt(10) < 7 ? 0 : rng.nextInt(-1 << rng.nextInt(1, 31), 1 << 20);
                    case 2 -> rng.nextInt(-3, 4);
                    default -> i < stride ? rng.nextInt(-5000, 5000) : values[i - stride] + rng.nextInt(-40, 41);
                };
            }
            byte[] stored = new FrameRecording(15, nodes, frames, values, null).encode();
            crc.update(stored);
            bytes += stored.length;
        }
        // as the coder of format 3 with its state in fields wrote them
        assertThat(bytes).isEqualTo(621_204);
        assertThat(crc.getValue()).isEqualTo(0xa273e5c2L);
    }

    @Test
    void framesOfTheSecondFormatAreStillRead() {
        // format 2: the residuals of SMALL zig-zag coded (1 3 0 -> 2 6 0 ...), as varints, deflated
        byte[] raw = {2, 15, 0, 3, 2, 6, 0, 4, 0, 0, 6, 3, 2, 0, 2, 1};
        assertThat(FrameRecording.decode(deflated(raw)).values()).containsExactly(SMALL);
    }

    @Test
    void anyValuesRoundTripExactly() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            int nodes = rng.nextInt(0, 6);
            int frames = rng.nextInt(0, 40);
            int[] values = new int[frames * (3 * nodes + 4)];
            int kind = trial % 4;
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (kind) {
                    case 0 -> rng.nextInt(); // anything, predictions overflowing included
                    case 1 -> rng.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE;
                    case 2 -> rng.nextInt(-3, 4); // almost still
                    default -> i < 3 * nodes + 4 ? rng.nextInt(-5000, 5000) : values[i - 3 * nodes - 4]
                            + rng.nextInt(-40, 41); // a walk
                };
            }
            FrameRecording r = new FrameRecording(1 + trial % 60, nodes, frames, values, null);
            FrameRecording back = FrameRecording.decode(r.encode());
            assertThat(back.values()).as("trial %d", trial).containsExactly(values);
            assertThat(back.frameRate()).isEqualTo(r.frameRate());
            assertThat(back.nodes()).isEqualTo(nodes);
            assertThat(back.frameCount()).isEqualTo(frames);
        }
    }

    @Test
    void recordedCreaturesRoundTripAndTakeLessThanInTheDeflatedForm() {
        LabConfig c = Presets.get("pure_baseline");
        BrainOperators brains = BrainOperatorsFactory.create(c);
        int inputs = SensorLayout.inputCount(c);
        long coded = 0;
        long deflated = 0;
        for (int i = 0; i < 12; i++) {
            var genome = GenomeFactory.random(c, (m, r) -> brains.create(inputs, m, r), new SplittableRandom(100 + i));
            FrameRecording rec = FrameRecording.record(new CreatureSimulator(), genome, c,
                    EvolutionRun.pelletSeed(3, 0, i), 15);
            byte[] stored = rec.encode();
            assertThat(stored).isEqualTo(rec.encode()); // the same recording, the same bytes
            assertThat(FrameRecording.decode(stored).values()).containsExactly(rec.values());
            byte[] old = secondFormat(rec);
            assertThat(FrameRecording.decode(old).values()).containsExactly(rec.values());
            coded += stored.length;
            deflated += old.length;
        }
        assertThat((double) coded / deflated).isLessThan(0.9);
    }

    @Test
    void damagedRangeCodedFramesAreRefused() {
        byte[] stored = new FrameRecording(15, 0, 3, SMALL, null).encode();
        assertThatThrownBy(() -> FrameRecording.decode(Arrays.copyOf(stored, stored.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        // 2^28 frames of 7 nodes: more values than any recording holds
        assertThatThrownBy(() -> FrameRecording.decode(new byte[] {3, 15, 7, (byte) 0x80, (byte) 0x80,
                (byte) 0x80, (byte) 0x80, 1, 0, 0, 0, 0, 0})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("impossible size");
    }

    @Test
    void damagedFramesAreRefusedRatherThanReadAsOtherFrames() {
        // 7 nodes, 451 frames that move like recorded creatures: 7 residuals in 10 are 0, the others up to 100 mm
        SplittableRandom rng = new SplittableRandom(11);
        int stride = 3 * 7 + 4;
        int[] values = new int[451 * stride];
        for (int i = 0; i < values.length; i++) {
            int predicted = i < stride ? 0 : i < 2 * stride ? values[i - stride]
                    : 2 * values[i - stride] - values[i - 2 * stride];
            values[i] = i < stride ? rng.nextInt(-5000, 5000)
                    : predicted + (rng.nextInt(10) < 7 ? 0 : rng.nextInt(-100, 101));
        }
        byte[] stored = new FrameRecording(15, 7, 451, values, null).encode();
        assertThat(FrameRecording.decode(stored).values()).containsExactly(values);
        byte[] longer = Arrays.copyOf(stored, stored.length + 1);
        assertThatThrownBy(() -> FrameRecording.decode(longer)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("damaged");
        // one bit changed after the header (format, 15 fps, 7 nodes, 451 frames: 5 bytes), 400 times
        SplittableRandom flips = new SplittableRandom(7);
        int readAsOtherFrames = 0;
        for (int t = 0; t < 400; t++) {
            byte[] damaged = stored.clone();
            damaged[flips.nextInt(5, stored.length)] ^= (byte) (1 << flips.nextInt(8));
            try {
                if (!Arrays.equals(FrameRecording.decode(damaged).values(), values)) {
                    readAsOtherFrames++;
                }
            } catch (IllegalArgumentException refused) {
                // what damaged data should give
            }
        }
        // 1 here; without the check that the data ends with the last frame, 350 of the 400 were read as other frames
        assertThat(readAsOtherFrames).isLessThanOrEqualTo(4);
    }

    /** Format 2, as stored before format 3: residuals track by track, zig-zag varints, deflated. */
    private static byte[] secondFormat(FrameRecording r) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int v : new int[] {2, r.frameRate(), r.nodes(), r.frameCount()}) {
            varint(raw, v);
        }
        int stride = r.stride();
        int[] v = r.values();
        for (int k = 0; k < stride; k++) {
            for (int f = 0; f < r.frameCount(); f++) {
                int predicted = f == 0 ? 0 : f == 1 ? v[k] : 2 * v[(f - 1) * stride + k] - v[(f - 2) * stride + k];
                int d = v[f * stride + k] - predicted;
                varint(raw, (d << 1) ^ (d >> 31));
            }
        }
        return deflated(raw.toByteArray());
    }

    private static void varint(ByteArrayOutputStream out, int v) {
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    private static byte[] deflated(byte[] raw) {
        Deflater d = new Deflater();
        d.setInput(raw);
        d.finish();
        byte[] buf = new byte[raw.length + 64];
        int n = d.deflate(buf);
        d.end();
        return Arrays.copyOf(buf, n);
    }
}
