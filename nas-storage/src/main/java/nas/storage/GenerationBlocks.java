package nas.storage;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The binary block of schema V10 that holds a whole generation's creatures of an evolution run in one row, each
 * with the genome it was bred with when it is stored there. A database writes a row once per generation instead
 * of one per creature and per genome; what each creature keeps is what the rows of V9 kept.
 *
 * <p>A block starts with a magic number that says what it holds and a format version, names its generation, and
 * ends with a CRC-32 of everything before it: a damaged block, one of another kind or generation, or one of a
 * newer format is refused with one line, never read as other data. The format (all numbers big-endian):
 * <pre>
 * int magic 'NASC', byte version 1, int generation, int count, then per creature:
 *   int index, double fitness, int pellets, double distance, long pelletSeed, int nodes, int muscles,
 *   long genomeId, int survivalStreak, byte flags (bit 0 disqualified, bit 1 genome stored here,
 *   bits 2-3 number of parents), int parent per parent, [int length, genome bytes when stored here]
 * int CRC-32
 * </pre>
 */
final class GenerationBlocks {

    static final int CREATURES = 0x4E415343; // "NASC"
    static final byte VERSION = 1;
    /** magic, version, generation, count */
    private static final int HEADER = 4 + 1 + 4 + 4;
    /** fixed part of one creature, without parents and genome */
    private static final int CREATURE_FIXED = 4 + 8 + 4 + 8 + 8 + 4 + 4 + 8 + 4 + 1;

    private GenerationBlocks() {
    }

    /**
     * The block of a generation's creatures. A creature's genome is stored in it when it is given (then under the
     * creature's own id, as a survivor's later creatures refer to it).
     *
     * @throws IllegalArgumentException for a creature of another generation or twice, a genome given under another
     *                                  id, or more than two parents
     */
    static byte[] creatures(int generation, List<RunStore.Creature> creatures) {
        int size = HEADER + 4;
        java.util.Set<Integer> indices = new java.util.HashSet<>();
        for (RunStore.Creature k : creatures) {
            if (!indices.add(k.index())) {
                throw new IllegalArgumentException("creature " + k.index() + " twice in generation " + generation);
            }
            if (k.generation() != generation) {
                throw new IllegalArgumentException("a creature of generation " + k.generation()
                        + " in the batch of generation " + generation);
            }
            if (k.parents().length > 2) {
                throw new IllegalArgumentException("a creature has at most 2 parents, got " + k.parents().length);
            }
            if (k.genome() != null && k.genomeId() != RunStore.genomeId(generation, k.index())) {
                throw new IllegalArgumentException("creature " + k.index() + " of generation " + generation
                        + " brings a genome under id " + k.genomeId() + ": a genome is stored under the id of the "
                        + "creature it is stored with, " + RunStore.genomeId(generation, k.index()));
            }
            size += CREATURE_FIXED + 4 * k.parents().length + (k.genome() == null ? 0 : 4 + k.genome().length);
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putInt(CREATURES).put(VERSION).putInt(generation).putInt(creatures.size());
        for (RunStore.Creature k : creatures) {
            b.putInt(k.index()).putDouble(k.fitness()).putInt(k.pellets()).putDouble(k.distance())
                    .putLong(k.pelletSeed()).putInt(k.nodes()).putInt(k.muscles()).putLong(k.genomeId())
                    .putInt(k.survivalStreak());
            b.put((byte) ((k.disqualified() ? 1 : 0) | (k.genome() != null ? 2 : 0) | k.parents().length << 2));
            for (int parent : k.parents()) {
                b.putInt(parent);
            }
            if (k.genome() != null) {
                b.putInt(k.genome().length).put(k.genome());
            }
        }
        return seal(b);
    }

    /**
     * The creatures of a creatures block, by index as stored; a creature's genome is there when the block holds it,
     * null for one stored with an earlier generation.
     *
     * @param shown the block as a message names it: "run 'r' generation 7"
     * @throws IllegalStateException (one line) when the block is damaged, of another kind, generation or a newer
     *                               format
     */
    static List<RunStore.Creature> readCreatures(byte[] block, int generation, String shown) {
        ByteBuffer b = open(block, CREATURES, generation, shown + "'s creatures");
        try {
            int n = count(b, CREATURE_FIXED, shown + "'s creatures");
            List<RunStore.Creature> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int index = b.getInt();
                double fitness = b.getDouble();
                int pellets = b.getInt();
                double distance = b.getDouble();
                long pelletSeed = b.getLong();
                int nodes = b.getInt();
                int muscles = b.getInt();
                long genomeId = b.getLong();
                int streak = b.getInt();
                int flags = b.get();
                if ((flags & ~0b1111) != 0 || (flags >> 2) > 2) {
                    throw damaged(shown + "'s creatures", "a creature's flags are " + flags);
                }
                int[] parents = new int[flags >> 2];
                for (int p = 0; p < parents.length; p++) {
                    parents[p] = b.getInt();
                }
                byte[] genome = null;
                if ((flags & 2) != 0) {
                    int length = b.getInt();
                    if (length < 0 || length > b.remaining()) {
                        throw damaged(shown + "'s creatures", "a genome of " + length + " bytes");
                    }
                    genome = new byte[length];
                    b.get(genome);
                }
                out.add(new RunStore.Creature(generation, index, fitness, pellets, distance, (flags & 1) != 0,
                        pelletSeed, nodes, muscles, genomeId, genome, parents, streak));
            }
            end(b, shown + "'s creatures");
            return out;
        } catch (BufferUnderflowException e) {
            throw damaged(shown + "'s creatures", "it ends early");
        }
    }

    private static byte[] seal(ByteBuffer b) {
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** The block after its header, its checksum and header checked. */
    private static ByteBuffer open(byte[] block, int magic, int generation, String what) {
        if (block.length < HEADER + 4) {
            throw damaged(what, "it has " + block.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(block, 0, block.length - 4);
        int found = b.getInt();
        if (found != magic) {
            throw new IllegalStateException(what + " cannot be read: the stored value is not a block of creatures"
                    + " (it starts with " + String.format("0x%08x", found) + ")");
        }
        byte version = b.get();
        if (version != VERSION) {
            throw new IllegalStateException(what + " cannot be read: the stored block has format version " + version
                    + ", and this NAS reads version " + VERSION + ": upgrade NAS");
        }
        CRC32 crc = new CRC32();
        crc.update(block, 0, block.length - 4);
        if ((int) crc.getValue() != ByteBuffer.wrap(block, block.length - 4, 4).getInt()) {
            throw damaged(what, "its checksum does not match");
        }
        int g = b.getInt();
        if (g != generation) {
            throw damaged(what, "it names generation " + g);
        }
        return b;
    }

    private static int count(ByteBuffer b, int minBytesEach, String what) {
        int n = b.getInt();
        if (n < 0 || (long) n * minBytesEach > b.remaining()) {
            throw damaged(what, "it claims " + n + " entries in " + b.remaining() + " bytes");
        }
        return n;
    }

    private static void end(ByteBuffer b, String what) {
        if (b.hasRemaining()) {
            throw damaged(what, b.remaining() + " bytes follow its last entry");
        }
    }

    private static IllegalStateException damaged(String what, String why) {
        return new IllegalStateException(what + " are damaged in the database (" + why + "): restore it from a "
                + "copy or export what else it holds");
    }
}
