package nas.neat;

import static nas.neat.NeatTestGenomes.conn;
import static nas.neat.NeatTestGenomes.hidden;
import static nas.neat.NeatTestGenomes.input;
import static nas.neat.NeatTestGenomes.output;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Spec 7.2 survivor budget and offspring allocation worked by hand on NEAT genomes and the NEAT distance. */
class NeatSpeciationTest {

    private static final NeatDistance DIST = new NeatDistance(2.0, 2.0, 0.4);

    private static NeatGenome a(double w) {
        return new NeatGenome(BiasMode.NODE, List.of(input(0), input(1), output(2, 0)),
                List.of(conn(0, 2, w, true, 0), conn(1, 2, -w, true, 1)));
    }

    private static NeatGenome b(double w) {
        return new NeatGenome(BiasMode.NODE, List.of(input(0), input(1), output(2, 0), hidden(3, 0), hidden(4, 0)),
                List.of(conn(0, 2, w, false, 0), conn(1, 2, w, true, 1), conn(0, 3, 1, true, 10),
                        conn(3, 2, w, true, 11), conn(1, 4, 1, true, 12), conn(4, 2, w, true, 13)));
    }

    private static NeatGenome c() {
        return new NeatGenome(BiasMode.NODE, List.of(input(0), input(1), output(2, 0)), List.of());
    }

    @Test
    void threeSpeciesSharedOutByHand() {
        // Population order A0 B0 A1 C A2 B1 A3 B2; distances: A-A <= 0.4*0.5, A-B = 2*4/6 + ..., C-any >= 4.
        List<NeatGenome> pop = List.of(a(0.1), b(0.2), a(0.3), c(), a(0.5), b(0.4), a(0.6), b(0.1));
        double[] fitness = {10, 1, 8, 0, 6, 1, 4, 1};
        assertThat(DIST.between(pop.get(0), pop.get(1))).isGreaterThan(1.0);
        Speciation.Plan plan = Speciation.plan(pop, fitness, DIST::between, 1.0, 2, 0.5, 8);
        assertThat(plan.species()).hasSize(3);
        assertThat(plan.species().get(0)).containsExactly(0, 2, 4, 6);
        assertThat(plan.species().get(1)).containsExactly(1, 5, 7);
        assertThat(plan.species().get(2)).containsExactly(3);
        // Budget int(8*0.5) = 4; guarantees 2+2+1 = 5 > 4 scale to floor(8/5)=1, 1, floor(4/5)=0 and are
        // topped up by best fitness: species 0 (best 10) and 1 (best 1) get 2 each, species 2 none.
        assertThat(plan.survivors().get(0)).containsExactly(0, 2);
        assertThat(plan.survivors().get(1)).hasSize(2);
        assertThat(plan.survivors().get(2)).isEmpty();
        // Offspring 8 - 4 = 4 in proportion to max(0.01, mean): 7, 1, 0.01 of 8.01;
        // round(3.4956) = 3, round(0.4994) = 0, and the last species takes the remainder 1.
        assertThat(plan.offspring()).containsExactly(3, 0, 1);
    }

    @Test
    void moreSpeciesThanBudgetKeepsTheBestOfTheTopSpecies() {
        // Four mutually distant genomes (disjoint innovation sets or no connections); budget int(4*0.5) = 2.
        List<NeatGenome> pop = new ArrayList<>();
        pop.add(a(0.1));
        pop.add(b(0.1));
        pop.add(c());
        pop.add(new NeatGenome(BiasMode.NODE, List.of(input(0), input(1), output(2, 0)),
                List.of(conn(0, 2, 0.1, true, 20), conn(1, 2, 0.1, true, 21))));
        Speciation.Plan plan = Speciation.plan(pop, new double[] {5, 50, 20, 1}, DIST::between, 1.0, 2, 0.5, 4);
        assertThat(plan.species()).hasSize(4);
        // Species ranked by best: 1 (50), 2 (20), 0 (5), 3 (1): the top two keep one member each.
        assertThat(plan.allSurvivors()).containsExactly(1, 2);
        // Offspring 2 by means 5, 50, 20, 1 of 76: round(0.13) = 0, round(1.32) = 1, round(0.53) = 1, last 0.
        assertThat(plan.offspring()).containsExactly(0, 1, 1, 0);
    }
}
