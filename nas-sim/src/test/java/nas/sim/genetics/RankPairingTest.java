package nas.sim.genetics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import nas.neat.RankRoulette;
import nas.neat.Selection;
import nas.sim.config.LabConfig;
import nas.sim.genome.CreatureGenome;
import nas.sim.genome.GenomeFactory;
import org.junit.jupiter.api.Test;

/** compat_rank_pairing: the reference's rank roulette pairs ranks with the wrong survivors (spec 7.2). */
class RankPairingTest {

    /** Population order: genome 0..3 with fitness 1, 5, 3, 4; the top 3 are genomes 1, 3, 2. */
    private static final double[] FITNESS = {1.0, 5.0, 3.0, 4.0};

    /** The probability of each population index being chosen as a parent. */
    private static double[] parentProbabilities(Breeders b) {
        RankRoulette roulette = new RankRoulette(b.rankFitness());
        double[] p = new double[FITNESS.length];
        for (int i = 0; i < b.candidates().length; i++) {
            p[b.candidates()[i]] += roulette.probability(i);
        }
        return p;
    }

    @Test
    void eachSurvivorGetsTheRankOfItsOwnFitnessByDefault() {
        int[] survivors = Selection.truncation(FITNESS, 3);
        assertThat(survivors).containsExactly(1, 3, 2);
        double[] p = parentProbabilities(Breeders.of(FITNESS, survivors));
        // ranks 3, 2, 1 of n(n+1)/2 = 6 for fitness 5, 4, 3
        assertThat(p[0]).isZero();
        assertThat(p[1]).isCloseTo(3.0 / 6, within(1e-12));
        assertThat(p[3]).isCloseTo(2.0 / 6, within(1e-12));
        assertThat(p[2]).isCloseTo(1.0 / 6, within(1e-12));
    }

    @Test
    void theReferencePairingSwapsTheRanksOfGenomesTwoAndThree() {
        int[] survivors = Selection.truncation(FITNESS, 3);
        Breeders ref = Breeders.referencePairing(FITNESS, survivors);
        // genomes sorted by fitness (1, 3, 2) but the fitness list in population order (genomes 1, 2, 3: 5, 3, 4)
        assertThat(ref.candidates()).containsExactly(1, 3, 2);
        assertThat(ref.rankFitness()).containsExactly(5.0, 3.0, 4.0);
        double[] p = parentProbabilities(ref);
        assertThat(p[0]).isZero();
        assertThat(p[1]).isCloseTo(3.0 / 6, within(1e-12));
        assertThat(p[3]).isCloseTo(1.0 / 6, within(1e-12)); // second best, but the rank of fitness 3
        assertThat(p[2]).isCloseTo(2.0 / 6, within(1e-12)); // third best, but the rank of fitness 4
    }

    @Test
    void tournamentSurvivorsAreSortedByFitnessInTheReferencePairing() {
        Breeders ref = Breeders.referencePairing(FITNESS, new int[] {2, 1, 3});
        assertThat(ref.candidates()).containsExactly(1, 3, 2);
        assertThat(ref.rankFitness()).containsExactly(5.0, 3.0, 4.0);
    }

    @Test
    void theSwitchChangesBreedingForTruncationButNotForSpeciation() {
        LabConfig base = LabConfig.builder().set("population_size", 10).set("cull_percentage", 0.5)
                .set("use_neural_net", false).set("selection_method", "truncation").build();
        List<CreatureGenome> pop = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 10; i++) {
            pop.add(GenomeFactory.random(base, (m, r) -> null, rng));
        }
        double[] fitness = {3, 9, 1, 7, 5, 8, 2, 6, 4, 0};
        LabConfig compat = base.toBuilder().set("compat_rank_pairing", true).build();
        assertThat(breed(compat, pop, fitness)).isNotEqualTo(breed(base, pop, fitness));
        assertThat(breed(base, pop, fitness)).isEqualTo(breed(base, pop, fitness)); // same seed, same generation
        LabConfig speciation = base.toBuilder().set("selection_method", "speciation").build();
        LabConfig speciationCompat = speciation.toBuilder().set("compat_rank_pairing", true).build();
        assertThat(breed(speciationCompat, pop, fitness)).isEqualTo(breed(speciation, pop, fitness));
    }

    private static List<CreatureGenome> breed(LabConfig c, List<CreatureGenome> pop, double[] fitness) {
        return new Evolver(c, new FixedBrainOperators(c)).evolve(pop, fitness, 1, 1.0, new SplittableRandom(11));
    }
}
