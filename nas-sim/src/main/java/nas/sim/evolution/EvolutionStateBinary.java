package nas.sim.evolution;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nas.sim.genome.CreatureGenome;
import nas.sim.genome.GenomeBinary;

/**
 * The form in which {@code nas evolve} stores checkpoints: the genomes in their binary form ({@link GenomeBinary},
 * every double as its 8 bytes), the rest of the state (parents, best fitness, adaptive-mutation, early-stop,
 * species and innovation state: a few kilobytes) as the JSON object of {@link EvolutionStateJson} without the
 * genomes. Writing the 200 genomes of a checkpoint as decimal text and deflating it took about 70 ms, this form a
 * few; raw doubles hardly compress, so it is stored as it is.
 *
 * <p>Layout, big-endian: the magic {@code 'N' 'S'} and the format version (1); the JSON's UTF-8 length and bytes;
 * the population size, then per genome its length and bytes; 1 and the best genome's length and bytes, or 0 when
 * there is none. The magic cannot begin a zlib stream (first byte 0x78 for deflate), so readers tell it from the
 * deflated JSON checkpoints of earlier versions ({@link #isBinary}).
 */
public final class EvolutionStateBinary {

    private static final byte MAGIC_0 = 'N';
    private static final byte MAGIC_1 = 'S';
    private static final byte VERSION = 1;

    private final GenomeBinary genomes = GenomeBinary.standard();
    private final EvolutionStateJson json = new EvolutionStateJson();

    /** Whether {@code bytes} is this form (else it is an earlier version's deflated JSON). */
    public static boolean isBinary(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == MAGIC_0 && bytes[1] == MAGIC_1;
    }

    public byte[] encode(EvolutionState s) {
        byte[] rest = EvolutionStateJson.write(json.toMap(s, null, null)).getBytes(StandardCharsets.UTF_8);
        List<byte[]> population = new ArrayList<>(s.population().size());
        long size = 3 + 4 + rest.length + 4 + 1;
        for (CreatureGenome g : s.population()) {
            byte[] b = genomes.encode(g);
            population.add(b);
            size += 4 + b.length;
        }
        byte[] best = s.bestGenome() == null ? null : genomes.encode(s.bestGenome());
        size += best == null ? 0 : 4 + best.length;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a checkpoint of " + size + " bytes is too large");
        }
        ByteBuffer b = ByteBuffer.allocate((int) size);
        b.put(MAGIC_0).put(MAGIC_1).put(VERSION);
        b.putInt(rest.length).put(rest);
        b.putInt(population.size());
        for (byte[] g : population) {
            b.putInt(g.length).put(g);
        }
        if (best == null) {
            b.put((byte) 0);
        } else {
            b.put((byte) 1).putInt(best.length).put(best);
        }
        return b.array();
    }

    public EvolutionState decode(byte[] bytes) {
        if (!isBinary(bytes)) {
            throw new IllegalArgumentException("not a binary checkpoint (no 'NS' mark)");
        }
        if (bytes[2] != VERSION) {
            throw new IllegalArgumentException("binary checkpoint format " + bytes[2] + " is newer than this version "
                    + "reads (" + VERSION + ")");
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes, 3, bytes.length - 3);
            Map<String, Object> m = EvolutionStateJson.read(new String(chunk(b), StandardCharsets.UTF_8));
            int n = b.getInt();
            if (n < 0 || (long) n * 4 > b.remaining()) {
                throw new IllegalArgumentException("binary checkpoint: truncated or corrupt (" + n + " genomes)");
            }
            List<CreatureGenome> population = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                population.add(genomes.decode(chunk(b)));
            }
            CreatureGenome best = switch (b.get()) {
                case 0 -> null;
                case 1 -> genomes.decode(chunk(b));
                default -> throw new IllegalArgumentException("binary checkpoint: corrupt best-genome mark");
            };
            if (b.hasRemaining()) {
                throw new IllegalArgumentException("binary checkpoint: " + b.remaining() + " bytes after its end");
            }
            return json.fromMap(m, population, best);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("binary checkpoint: truncated", e);
        }
    }

    /** A length-prefixed run of bytes. */
    private static byte[] chunk(ByteBuffer b) {
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) {
            throw new IllegalArgumentException("binary checkpoint: truncated or corrupt (length " + n + ")");
        }
        byte[] out = new byte[n];
        b.get(out);
        return out;
    }
}
