package nas.sim.genome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import nas.sim.config.Activation;
import nas.sim.config.LabConfig;
import nas.sim.config.Presets;
import nas.sim.control.FixedBrainGenome;
import nas.sim.evolution.Evolution;
import nas.sim.evolution.PopulationEvaluator;
import org.junit.jupiter.api.Test;

/** The binary genome form reads back to the same genome, bit for bit, for every kind of brain. */
class GenomeBinaryTest {

    private static final GenomeBinary BINARY = GenomeBinary.standard();
    private static final GenomeJson JSON = GenomeJson.standard();

    /** Evolved genomes of a preset after two generations (mutated, crossed over, some survivors). */
    private static List<CreatureGenome> evolved(String preset) {
        LabConfig c = Presets.builder(preset).set("population_size", 12).set("simulation_duration", 2.0).build();
        try (PopulationEvaluator ev = new PopulationEvaluator(1)) {
            Evolution e = new Evolution(c, ev, 7, 3);
            e.next();
            e.next();
            return e.evaluatedPopulation();
        }
    }

    @Test
    void evolvedGenomesOfEveryBrainKindReadBackToTheSameJson() {
        for (String preset : List.of("pure_baseline", "neat_baseline")) {
            for (CreatureGenome g : evolved(preset)) {
                byte[] bytes = BINARY.encode(g);
                assertThat(GenomeBinary.isBinary(bytes)).isTrue();
                CreatureGenome back = BINARY.decode(bytes);
                // the JSON form writes every double in a form that reads back to its bits: equal text, equal genome
                assertThat(JSON.toJson(back)).as(preset).isEqualTo(JSON.toJson(g));
                assertThat(BINARY.encode(back)).isEqualTo(bytes);
            }
        }
        CreatureGenome oscillator = new CreatureGenome(List.of(new NodeGene(0.3, 0.5, 0, 1, 0)), List.of(), 1.5, null,
                3, 1);
        assertThat(JSON.toJson(BINARY.decode(BINARY.encode(oscillator)))).isEqualTo(JSON.toJson(oscillator));
    }

    @Test
    void everyDoubleKeepsItsBitsAndTheSizeIsEightBytesEach() {
        SplittableRandom random = new SplittableRandom(18);
        double[] weights = new double[40];
        for (int i = 0; i < weights.length; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            weights[i] = Double.isFinite(v) ? v : -0.0;
        }
        weights[0] = Double.MIN_VALUE;
        weights[1] = -0.0;
        FixedBrainGenome brain = new FixedBrainGenome(4, 10, 0, Activation.TANH, weights, new double[10], new double[0],
                new double[0]);
        NodeGene a = new NodeGene(0.3, 0.5, 1.0 / 3, 2e-3, -7.5);
        NodeGene b = new NodeGene(0.4, 0.1, 0, 0, 1);
        MuscleGene m = new MuscleGene(0, 1, 1.2, 50, 0.5, 1.0, 0.3, 0.1, 0, 1, 0, 0.2, 1, 0, 0, 0.1, 0.9, 0.4);
        CreatureGenome g = new CreatureGenome(List.of(a, b), List.of(m), 1.1, brain, 4, 2);

        byte[] bytes = BINARY.encode(g);
        FixedBrainGenome back = (FixedBrainGenome) BINARY.decode(bytes).brain();

        assertThat(Arrays.stream(back.weightsIh()).mapToLong(Double::doubleToRawLongBits).toArray())
                .containsExactly(Arrays.stream(weights).mapToLong(Double::doubleToRawLongBits).toArray());
        assertThat(BINARY.decode(bytes).nodes()).containsExactly(a, b);
        assertThat(BINARY.decode(bytes).muscles()).containsExactly(m);
        assertThat(BINARY.decode(bytes).generation()).isEqualTo(4);
        assertThat(BINARY.decode(bytes).survivalStreak()).isEqualTo(2);
        // header 3, generation and streak 8, nodes 4 + 2 x 40, muscles 4 + 8 + 16 x 8, multiplier 8, brain tag 1,
        // sizes 12, activation 4 + "tanh", 50 doubles
        assertThat(bytes).hasSize(3 + 8 + 4 + 80 + 4 + 8 + 128 + 8 + 1 + 12 + 4 + 4 + 50 * 8);
    }

    @Test
    void damagedOrNewerFormsAreRefusedWithAReason() {
        byte[] bytes = BINARY.encode(evolved("pure_baseline").get(0));

        assertThatThrownBy(() -> BINARY.decode(Arrays.copyOf(bytes, bytes.length - 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> BINARY.decode(longer)).hasMessageContaining("1 bytes after its end");
        byte[] newer = bytes.clone();
        newer[2] = 2;
        assertThatThrownBy(() -> BINARY.decode(newer)).hasMessageContaining("format 2 is newer");
        // deflated JSON (zlib's first byte 0x78) is not taken for this form
        assertThat(GenomeBinary.isBinary(new byte[] {0x78, (byte) 0x9c, 1})).isFalse();
    }
}
