package nas.neat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SpeciationTest {

    private static double dist(Double a, Double b) {
        return Math.abs(a - b);
    }

    @Test
    void genomesJoinTheFirstSpeciesWhoseRepresentativeIsCloseEnough() {
        List<Double> g = List.of(0.0, 0.4, 5.0, 0.9, 5.5, 1.2);
        List<int[]> s = Speciation.assign(g, SpeciationTest::dist, 1.0);
        assertThat(s).hasSize(3);
        assertThat(s.get(0)).containsExactly(0, 1, 3);
        assertThat(s.get(1)).containsExactly(2, 4);
        assertThat(s.get(2)).containsExactly(5); // 1.2 is 1.2 from the representative 0.0
    }

    @Test
    void survivorsAreGuaranteedPerSpeciesThenSharedBySize() {
        // species A = {0, 0.1, 0.2, 0.3, 0.4, 0.5} (6), B = {10, 10.1} (2); N = 8, survival 0.5 -> budget 4
        List<Double> g = List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 10.0, 10.1);
        double[] f = {1, 2, 3, 4, 5, 6, 50, 40};
        Speciation.Plan p = Speciation.plan(g, f, SpeciationTest::dist, 1.0, 1, 0.5, 8);
        // guarantee 1 each -> 2; remaining 2 by size: A floor(2 * 6/8) = 1, B floor(2 * 2/8) = 0
        assertThat(p.survivors().get(0)).containsExactly(5, 4);
        assertThat(p.survivors().get(1)).containsExactly(6);
        // offspring 5 by mean fitness: A 3.5, B 45 -> round(3.5/48.5 * 5) = round(0.36) = 0; B gets 5
        assertThat(p.offspring()).containsExactly(0, 5);
    }

    @Test
    void moreSpeciesThanBudgetKeepsTheBestSpeciesOnly() {
        List<Double> g = List.of(0.0, 10.0, 20.0, 30.0);
        double[] f = {1, 4, 3, 2};
        Speciation.Plan p = Speciation.plan(g, f, SpeciationTest::dist, 1.0, 2, 0.5, 4);
        assertThat(p.allSurvivors()).containsExactly(1, 2);
    }

    @Test
    void offspringRoundingIsBankersAndTheLastSpeciesTakesTheRemainder() {
        // two species of equal mean fitness and 5 offspring: round(2.5) = 2 (half to even), last gets 3
        List<Double> g = List.of(0.0, 0.1, 10.0, 10.1);
        double[] f = {2, 2, 2, 2};
        Speciation.Plan p = Speciation.plan(g, f, SpeciationTest::dist, 1.0, 0, 0.25, 6);
        assertThat(p.allSurvivors()).hasSize(1);
        assertThat(p.offspring()).containsExactly(2, 3);
    }
}
