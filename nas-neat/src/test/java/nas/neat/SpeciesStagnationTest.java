package nas.neat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SpeciesStagnationTest {

    @Test
    void speciesKeepTheirIdThroughTheFounderAndStagnateAfterTheLimit() {
        SpeciesStagnation st = new SpeciesStagnation(2, 0.0);
        // Generation 0: two species, no lineage.
        var o0 = st.observe(new int[] {-1, -1, -1, -1}, List.of(new int[] {0, 1}, new int[] {2, 3}),
                new double[] {5, 1, 9, 2});
        assertThat(o0.ids()).containsExactly(0, 1);
        assertThat(o0.stagnant()).containsExactly(false, false);
        // Generation 1: species 0 does not improve (best 5), species 1 improves (10); a third species is new.
        var o1 = st.observe(new int[] {0, 0, 1, 1, -1}, List.of(new int[] {0, 1}, new int[] {2, 3}, new int[] {4}),
                new double[] {5, 4, 10, 2, 1});
        assertThat(o1.ids()).containsExactly(0, 1, 2);
        assertThat(o1.stagnant()).containsExactly(false, false, false);
        // Generation 2: species 0 still at 5 -> two generations without improvement: stagnant.
        var o2 = st.observe(new int[] {0, 0, 1, 2}, List.of(new int[] {0, 1}, new int[] {2}, new int[] {3}),
                new double[] {5, 3, 10, 1});
        assertThat(o2.stagnant()).containsExactly(true, false, false);
        // Generation 3: species 1 (best 10 since gen 1) stagnates too, but it holds the population's best.
        var o3 = st.observe(new int[] {0, 1, 2}, List.of(new int[] {0}, new int[] {1}, new int[] {2}),
                new double[] {5.5, 10, 1});
        assertThat(o3.stagnant()).containsExactly(false, false, true);
    }

    @Test
    void aSplitLineageGivesTheSecondSpeciesAFreshId() {
        SpeciesStagnation st = new SpeciesStagnation(3, 0.0);
        st.observe(new int[] {-1, -1}, List.of(new int[] {0, 1}), new double[] {1, 2});
        var o = st.observe(new int[] {0, 0}, List.of(new int[] {0}, new int[] {1}), new double[] {1, 2});
        assertThat(o.ids()).containsExactly(0, 1);
    }
}
