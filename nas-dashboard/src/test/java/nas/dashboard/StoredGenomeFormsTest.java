package nas.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nas.sim.config.Activation;
import nas.sim.control.FixedBrainGenome;
import nas.sim.genome.CreatureGenome;
import nas.sim.genome.GenomeBinary;
import nas.sim.genome.GenomeJson;
import nas.sim.genome.NodeGene;
import nas.storage.Deflate;
import nas.storage.RunStore;
import org.junit.jupiter.api.Test;

/** A stored genome reads the same in the binary form runs store now and in the deflated JSON of older runs. */
class StoredGenomeFormsTest {

    @Test
    void binaryAndOlderDeflatedJsonGenomesReadAlike() {
        FixedBrainGenome brain = new FixedBrainGenome(2, 2, 1, Activation.TANH, new double[] {0.1, -0.2, 1.0 / 3, 4e-9},
                new double[] {0, 0.5}, new double[] {0.7, -0.7}, new double[] {0.25});
        CreatureGenome g = new CreatureGenome(List.of(new NodeGene(0.3, 0.5, 0, 1, 0)), List.of(), 1.25, brain, 6, 2);
        byte[] binary = GenomeBinary.standard().encode(g);
        byte[] older = Deflate.text(GenomeJson.standard().toJson(g));

        String json = GenomeJson.standard().toJson(g);
        assertThat(GenomeJson.standard().toJson(StoredRuns.genomeOf(binary))).isEqualTo(json);
        assertThat(GenomeJson.standard().toJson(StoredRuns.genomeOf(older))).isEqualTo(json);
        Map<String, Object> fromBinary = StoredRuns.genome(creature(binary));
        assertThat(fromBinary).isEqualTo(StoredRuns.genome(creature(older)));
        assertThat(fromBinary.get("globalFrequencyMultiplier")).isEqualTo(1.25);
        assertThat(fromBinary.get("generation")).isEqualTo(6L);
    }

    private static RunStore.Creature creature(byte[] genome) {
        return RunStore.Creature.withGenome(6, 3, 1.5, 0, 0.2, false, 9, 1, 0, genome);
    }
}
