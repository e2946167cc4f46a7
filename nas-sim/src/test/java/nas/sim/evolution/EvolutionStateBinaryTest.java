package nas.sim.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import nas.sim.config.LabConfig;
import nas.sim.config.Presets;
import nas.sim.genome.GenomeBinary;
import org.junit.jupiter.api.Test;

/** The binary checkpoint reads back to the same state, bit for bit, and refuses damaged bytes. */
class EvolutionStateBinaryTest {

    private static final EvolutionStateBinary BINARY = new EvolutionStateBinary();
    private static final EvolutionStateJson JSON = new EvolutionStateJson();

    private static EvolutionState after(String preset, int generations) {
        LabConfig c = Presets.builder(preset).set("population_size", 12).set("simulation_duration", 2.0)
                .set("use_adaptive_mutation", true).build();
        try (PopulationEvaluator ev = new PopulationEvaluator(1)) {
            Evolution e = new Evolution(c, ev, 11, generations + 1);
            for (int g = 0; g < generations; g++) {
                e.next();
            }
            return e.state();
        }
    }

    @Test
    void statesOfEveryBrainKindReadBackToTheSameJson() {
        for (String preset : List.of("pure_baseline", "neat_baseline", "hybrid_baseline", "neat_adaptive")) {
            EvolutionState s = after(preset, 3);
            byte[] bytes = BINARY.encode(s);
            assertThat(EvolutionStateBinary.isBinary(bytes)).isTrue();
            // the JSON form writes every double in round-trip form: equal text is equal bits
            assertThat(JSON.toJson(BINARY.decode(bytes))).as(preset).isEqualTo(JSON.toJson(s));
            assertThat(BINARY.encode(BINARY.decode(bytes))).as(preset).isEqualTo(bytes);
        }
        // before the first generation: no best genome, best fitness negative infinity
        EvolutionState first = after("pure_baseline", 0);
        assertThat(first.bestGenome()).isNull();
        EvolutionState back = BINARY.decode(BINARY.encode(first));
        assertThat(back.bestGenome()).isNull();
        assertThat(back.bestEver()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(JSON.toJson(back)).isEqualTo(JSON.toJson(first));
    }

    @Test
    void layoutIsTheMarkTheStateWithoutGenomesThenEachGenome() {
        EvolutionState s = after("pure_baseline", 2);
        byte[] bytes = BINARY.encode(s);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        assertThat(new byte[] {b.get(), b.get(), b.get()}).containsExactly('N', 'S', 1);
        byte[] rest = new byte[b.getInt()];
        b.get(rest);
        String json = new String(rest, StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"format\":1,\"generation\":2,\"parents\":").doesNotContain("\"population\"")
                .contains("\"bestGenome\":null");
        assertThat(b.getInt()).isEqualTo(12);
        GenomeBinary genomes = GenomeBinary.standard();
        for (int i = 0; i < 12; i++) {
            byte[] g = new byte[b.getInt()];
            b.get(g);
            assertThat(g).isEqualTo(genomes.encode(s.population().get(i)));
        }
        assertThat(b.get()).isEqualTo((byte) 1);
        byte[] best = new byte[b.getInt()];
        b.get(best);
        assertThat(best).isEqualTo(genomes.encode(s.bestGenome()));
        assertThat(b.hasRemaining()).isFalse();
    }

    @Test
    void aDeflatedJsonCheckpointIsNotTakenForOne() {
        EvolutionState s = after("pure_baseline", 1);
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        d.setInput(JSON.toJson(s).getBytes(StandardCharsets.UTF_8));
        d.finish();
        byte[] out = new byte[1 << 20];
        int n = d.deflate(out);
        d.end();
        assertThat(EvolutionStateBinary.isBinary(Arrays.copyOf(out, n))).isFalse();
        assertThatThrownBy(() -> BINARY.decode(Arrays.copyOf(out, n))).hasMessageContaining("not a binary checkpoint");
    }

    @Test
    void damagedBytesAreRefused() {
        byte[] bytes = BINARY.encode(after("pure_baseline", 1));
        assertThatThrownBy(() -> BINARY.decode(Arrays.copyOf(bytes, bytes.length - 1))).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> BINARY.decode(Arrays.copyOf(bytes, bytes.length + 1)))
                .hasMessageContaining("1 bytes after its end");
        byte[] newer = bytes.clone();
        newer[2] = 2;
        assertThatThrownBy(() -> BINARY.decode(newer)).hasMessageContaining("format 2 is newer");
        byte[] badLength = bytes.clone();
        badLength[3] = 0x7f;
        assertThatThrownBy(() -> BINARY.decode(badLength)).hasMessageContaining("truncated or corrupt");
    }
}
