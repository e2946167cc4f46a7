package nas.sim.genome;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nas.sim.config.Activation;
import nas.sim.control.FixedBrainGenome;

/**
 * The compact binary form of a genome that stored runs keep: every double as its 8 IEEE 754 bytes, so a decoded
 * genome has exactly the bits of the encoded one and simulates to the same fitness. Writing it costs a fraction of
 * the JSON form ({@link GenomeJson}, which stays the form of exports and imports): a run stores a hundred genomes per
 * generation, mostly brain weights, and their decimal text and its compression were the largest cost of storing.
 *
 * <p>Layout, big-endian: the magic {@code 'N' 'G'} and the format version (1); generation and survival streak;
 * the node count and per node size, friction, x, y, z; the muscle count and per muscle node A, node B and its 16
 * doubles in {@link MuscleGene}'s order; the global frequency multiplier; then the brain: 0 for none, 1 for the
 * fixed-topology brain (input, hidden and output counts, activation key, then weightsIh, biasesH, weightsHo and
 * biasesO), 2 for any other brain as its JSON object (UTF-8, length first). The magic cannot begin a
 * zlib stream (whose first byte is 0x78 for deflate), so readers tell this form from the deflated JSON of older
 * runs ({@link #isBinary}).
 */
public final class GenomeBinary {

    private static final byte MAGIC_0 = 'N';
    private static final byte MAGIC_1 = 'G';
    private static final byte VERSION = 1;
    private static final byte NO_BRAIN = 0;
    private static final byte FIXED_BRAIN = 1;
    private static final byte JSON_BRAIN = 2;
    private static final int MUSCLE_DOUBLES = 16;

    private final GenomeJson json;

    /** @param json the JSON form of brains without a binary layout of their own (NEAT's) */
    public GenomeBinary(GenomeJson json) {
        this.json = json;
    }

    /** With the standard brain codecs. */
    public static GenomeBinary standard() {
        return new GenomeBinary(GenomeJson.standard());
    }

    /** Whether {@code bytes} is this form (else it is a run's older deflated JSON). */
    public static boolean isBinary(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == MAGIC_0 && bytes[1] == MAGIC_1;
    }

    public byte[] encode(CreatureGenome g) {
        byte[] brainJson = null;
        byte[] activation = null;
        int size = 3 + 4 + 4 + 4 + g.nodes().size() * 5 * 8 + 4 + g.muscles().size() * (8 + MUSCLE_DOUBLES * 8) + 8 + 1;
        if (g.brain() instanceof FixedBrainGenome f) {
            activation = f.activation().key().getBytes(StandardCharsets.UTF_8);
            size += 12 + 4 + activation.length + 8 * f.parameterCount();
        } else if (g.brain() != null) {
            brainJson = json.brainJson(g.brain()).getBytes(StandardCharsets.UTF_8);
            size += 4 + brainJson.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(MAGIC_0).put(MAGIC_1).put(VERSION);
        b.putInt(g.generation()).putInt(g.survivalStreak());
        b.putInt(g.nodes().size());
        for (NodeGene n : g.nodes()) {
            b.putDouble(n.size()).putDouble(n.friction()).putDouble(n.x()).putDouble(n.y()).putDouble(n.z());
        }
        b.putInt(g.muscles().size());
        for (MuscleGene u : g.muscles()) {
            b.putInt(u.nodeA()).putInt(u.nodeB());
            b.putDouble(u.restLength()).putDouble(u.stiffness()).putDouble(u.damping()).putDouble(u.frequency())
                    .putDouble(u.amplitude()).putDouble(u.phase()).putDouble(u.directionBiasX())
                    .putDouble(u.directionBiasY()).putDouble(u.directionBiasZ()).putDouble(u.biasStrength())
                    .putDouble(u.velocityBiasX()).putDouble(u.velocityBiasY()).putDouble(u.velocityBiasZ())
                    .putDouble(u.velocityStrength()).putDouble(u.distanceBias()).putDouble(u.distanceStrength());
        }
        b.putDouble(g.globalFrequencyMultiplier());
        if (g.brain() instanceof FixedBrainGenome f) {
            b.put(FIXED_BRAIN).putInt(f.inputCount()).putInt(f.hiddenCount()).putInt(f.outputCount());
            b.putInt(activation.length).put(activation);
            for (double[] a : List.of(f.weightsIh(), f.biasesH(), f.weightsHo(), f.biasesO())) {
                b.asDoubleBuffer().put(a);
                b.position(b.position() + 8 * a.length);
            }
        } else if (brainJson != null) {
            b.put(JSON_BRAIN).putInt(brainJson.length).put(brainJson);
        } else {
            b.put(NO_BRAIN);
        }
        return b.array();
    }

    public CreatureGenome decode(byte[] bytes) {
        if (!isBinary(bytes)) {
            throw new IllegalArgumentException("not a binary genome (no 'NG' mark)");
        }
        if (bytes[2] != VERSION) {
            throw new IllegalArgumentException("binary genome format " + bytes[2] + " is newer than this version reads ("
                    + VERSION + ")");
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes, 3, bytes.length - 3);
            int generation = b.getInt();
            int streak = b.getInt();
            int nodeCount = count(b, 5 * 8);
            List<NodeGene> nodes = new ArrayList<>(nodeCount);
            for (int i = 0; i < nodeCount; i++) {
                nodes.add(new NodeGene(b.getDouble(), b.getDouble(), b.getDouble(), b.getDouble(), b.getDouble()));
            }
            int muscleCount = count(b, 8 + MUSCLE_DOUBLES * 8);
            List<MuscleGene> muscles = new ArrayList<>(muscleCount);
            for (int i = 0; i < muscleCount; i++) {
                muscles.add(new MuscleGene(b.getInt(), b.getInt(), b.getDouble(), b.getDouble(), b.getDouble(),
                        b.getDouble(), b.getDouble(), b.getDouble(), b.getDouble(), b.getDouble(), b.getDouble(),
                        b.getDouble(), b.getDouble(), b.getDouble(), b.getDouble(), b.getDouble(), b.getDouble(),
                        b.getDouble()));
            }
            double gfm = b.getDouble();
            BrainGenome brain = switch (b.get()) {
                case NO_BRAIN -> null;
                case FIXED_BRAIN -> {
                    int inputs = b.getInt();
                    int hidden = b.getInt();
                    int outputs = b.getInt();
                    byte[] key = new byte[count(b, 1)];
                    b.get(key);
                    Activation activation = Activation.parse(new String(key, StandardCharsets.UTF_8));
                    yield new FixedBrainGenome(inputs, hidden, outputs, activation, doubles(b, (long) inputs * hidden),
                            doubles(b, hidden), doubles(b, (long) hidden * outputs), doubles(b, outputs));
                }
                case JSON_BRAIN -> {
                    byte[] text = new byte[count(b, 1)];
                    b.get(text);
                    yield json.brainFromJson(new String(text, StandardCharsets.UTF_8));
                }
                default -> throw new IllegalArgumentException("binary genome: unknown brain kind");
            };
            if (b.hasRemaining()) {
                throw new IllegalArgumentException("binary genome: " + b.remaining() + " bytes after its end");
            }
            return new CreatureGenome(nodes, muscles, gfm, brain, generation, streak);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("binary genome: truncated", e);
        }
    }

    /** A count read from {@code b}, checked against the bytes left for {@code bytesEach} bytes per item. */
    private static int count(ByteBuffer b, int bytesEach) {
        int n = b.getInt();
        if (n < 0 || (long) n * bytesEach > b.remaining()) {
            throw new IllegalArgumentException("binary genome: truncated or corrupt (count " + n + ")");
        }
        return n;
    }

    private static double[] doubles(ByteBuffer b, long n) {
        if (n < 0 || n * 8 > b.remaining()) {
            throw new IllegalArgumentException("binary genome: truncated or corrupt (" + n + " doubles)");
        }
        double[] a = new double[(int) n];
        b.asDoubleBuffer().get(a);
        b.position(b.position() + 8 * a.length);
        return a;
    }
}
