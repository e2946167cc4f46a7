package nas.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The binary blocks of schema V10: what goes in comes out, and a block that is not what it should be is refused. */
class GenerationBlocksTest {

    private static final RunStore.Creature BRED = new RunStore.Creature(7, 0, -1.5, 3, 12.25, false, Long.MIN_VALUE,
            5, 4, RunStore.genomeId(7, 0), new byte[] {1, 2, 3}, new int[] {4, 9}, 0);
    private static final RunStore.Creature SURVIVOR = new RunStore.Creature(7, 2, Double.MAX_VALUE, 0, -0.0, true, 42L,
            3, 2, RunStore.genomeId(5, 1), null, new int[] {1}, 2);
    private static final RunStore.Creature FIRST = new RunStore.Creature(7, 1, Double.NaN, -1, 0.5, false, 0L,
            Integer.MAX_VALUE, 0, RunStore.genomeId(7, 1), new byte[0], new int[0], 0);

    @Test
    void creaturesReadBackAsStoredWithTheirGenomesOnlyWhereStored() {
        byte[] block = GenerationBlocks.creatures(7, List.of(BRED, SURVIVOR, FIRST));
        // header 13 + 3 x 53 fixed + parents 2+1+0 ints + genomes (4+3) + (4+0) + CRC 4
        assertThat(block).hasSize(13 + 3 * 53 + 3 * 4 + 7 + 4 + 4);
        List<RunStore.Creature> back = GenerationBlocks.readCreatures(block, 7, "run 'r' generation 7");
        assertThat(back).hasSize(3);
        assertSame(back.get(0), BRED);
        assertSame(back.get(1), SURVIVOR);
        assertSame(back.get(2), FIRST);
        assertThat(back.get(1).genome()).isNull();
        assertThat(back.get(2).genome()).isEmpty();
        assertThat(back.get(2).fitness()).isNaN();
        assertThat(Double.doubleToRawLongBits(back.get(1).distance())).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(GenerationBlocks.readCreatures(GenerationBlocks.creatures(3, List.of()), 3, "g")).isEmpty();
    }

    @Test
    void aBlockThatIsNotWhatItShouldBeIsRefusedInOneLine() {
        byte[] block = GenerationBlocks.creatures(7, List.of(BRED, SURVIVOR));
        String shown = "run 'r' generation 7";
        for (int i = 0; i < block.length; i++) {
            byte[] damaged = block.clone();
            damaged[i] ^= 0x10;
            assertThatThrownBy(() -> GenerationBlocks.readCreatures(damaged, 7, shown))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("run 'r' generation 7's creatures ")
                    .hasMessageNotContaining("\n");
        }
        assertThatThrownBy(() -> GenerationBlocks.readCreatures(java.util.Arrays.copyOf(block, block.length - 1), 7,
                shown)).hasMessage("run 'r' generation 7's creatures are damaged in the database (its checksum does "
                        + "not match): restore it from a copy or export what else it holds");
        // another generation's block, other data (here a genome as NAS stores it), a newer format: never read as this
        // generation's creatures
        assertThatThrownBy(() -> GenerationBlocks.readCreatures(block, 8, "run 'r' generation 8"))
                .hasMessageContaining("(it names generation 7)");
        byte[] other = Deflate.text("{\"nodes\":[],\"muscles\":[]}");
        assertThatThrownBy(() -> GenerationBlocks.readCreatures(other, 7, shown)).hasMessageStartingWith("run 'r' "
                + "generation 7's creatures cannot be read: the stored value is not a block of creatures (it starts "
                + "with 0x");
        byte[] newer = block.clone();
        newer[4] = 2;
        assertThatThrownBy(() -> GenerationBlocks.readCreatures(newer, 7, shown)).hasMessage("run 'r' generation 7's "
                + "creatures cannot be read: the stored block has format version 2, and this NAS reads version 1: "
                + "upgrade NAS");
        assertThatThrownBy(() -> GenerationBlocks.readCreatures(new byte[5], 7, shown))
                .hasMessageContaining("(it has 5 bytes)");
        // consistent checksum, inconsistent content: a count beyond the block
        ByteBuffer lying = ByteBuffer.wrap(block.clone());
        lying.putInt(9, 1_000);
        byte[] resealed = reseal(lying.array());
        assertThatThrownBy(() -> GenerationBlocks.readCreatures(resealed, 7, shown))
                .hasMessageContaining("(it claims 1000 entries in");
    }

    @Test
    void whatABlockCannotHoldIsRefusedWhenStoring() {
        RunStore.Creature elsewhere = new RunStore.Creature(7, 3, 1, 0, 0, false, 0, 3, 2, RunStore.genomeId(6, 3),
                new byte[] {1}, new int[0], 0);
        assertThatThrownBy(() -> GenerationBlocks.creatures(7, List.of(elsewhere)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("brings a genome under id 25769803779");
        assertThatThrownBy(() -> GenerationBlocks.creatures(8, List.of(BRED)))
                .hasMessage("a creature of generation 7 in the batch of generation 8");
        assertThatThrownBy(() -> GenerationBlocks.creatures(7, List.of(BRED, BRED)))
                .hasMessage("creature 0 twice in generation 7");
        RunStore.Creature three = new RunStore.Creature(7, 4, 1, 0, 0, false, 0, 3, 2, RunStore.genomeId(7, 4), null,
                new int[] {1, 2, 3}, 0);
        assertThatThrownBy(() -> GenerationBlocks.creatures(7, List.of(three)))
                .hasMessage("a creature has at most 2 parents, got 3");
    }

    private static byte[] reseal(byte[] block) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(block, 0, block.length - 4);
        ByteBuffer.wrap(block).putInt(block.length - 4, (int) crc.getValue());
        return block;
    }

    private static void assertSame(RunStore.Creature back, RunStore.Creature in) {
        assertThat(back).usingRecursiveComparison().ignoringFields("genome", "parents", "fitness").isEqualTo(in);
        assertThat(Double.doubleToRawLongBits(back.fitness())).isEqualTo(Double.doubleToRawLongBits(in.fitness()));
        assertThat(back.parents()).containsExactly(in.parents());
        assertThat(back.genome()).isEqualTo(in.genome());
    }
}
