package nas.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import nas.api.Limits;
import nas.api.OptimizeOptions;
import nas.samplers.cmaes.CmaEsSampler;
import nas.samplers.gp.GpOptions;
import nas.samplers.grid.GridSpace;
import nas.samplers.morris.MorrisDesign;
import nas.samplers.nsga2.Nsga2Options;
import nas.samplers.tpe.TpeOptions;
import org.junit.jupiter.api.Test;

/** The Java API takes sizes up to {@link Limits} and refuses one more, with the limit in the message. */
class SizeLimitsTest {

    private static final int POP = Limits.MAX_POPULATION;

    @Test
    void populationsAndCandidatesUpToTheLimit() {
        assertThat(GpOptions.defaults().withNCandidates(POP).nCandidates()).isEqualTo(100_000);
        assertThatThrownBy(() -> GpOptions.defaults().withNCandidates(POP + 1))
                .hasMessage("nCandidates must be at most 100000, but got 100001");
        assertThat(TpeOptions.defaults().withNEiCandidates(POP).nEiCandidates()).isEqualTo(POP);
        assertThatThrownBy(() -> TpeOptions.defaults().withNEiCandidates(Integer.MAX_VALUE))
                .hasMessage("nEiCandidates must be at most 100000, but got 2147483647");
        assertThat(Nsga2Options.defaults().withPopulationSize(POP).populationSize()).isEqualTo(POP);
        assertThatThrownBy(() -> Nsga2Options.defaults().withPopulationSize(POP + 1))
                .hasMessage("populationSize must be at most 100000, but got 100001");
        assertThat(CmaEsSampler.Options.defaults().withPopsize(POP).popsize()).isEqualTo(POP);
        assertThatThrownBy(() -> CmaEsSampler.Options.defaults().withPopsize(POP + 1))
                .hasMessage("popsize must be at most 100000, but got 100001");
    }

    @Test
    void jobsUpToTheLimit() {
        assertThat(OptimizeOptions.trials(1).withJobs(1024).jobs()).isEqualTo(1024);
        assertThatThrownBy(() -> OptimizeOptions.trials(1).withJobs(1025))
                .hasMessage("jobs must be at most 1024, but got 1025");
    }

    @Test
    void gridsUpToTenMillionPoints() {
        List<Object> thousand = IntStream.range(0, 1000).<Object>mapToObj(i -> (long) i).toList();
        List<Object> ten = thousand.subList(0, 10);
        assertThat(new GridSpace(Map.of("a", thousand, "b", thousand, "c", ten)).size()).isEqualTo(10_000_000);
        assertThatThrownBy(() -> new GridSpace(Map.of("a", thousand, "b", thousand, "c", thousand.subList(0, 11))))
                .hasMessage("a grid may hold at most 10000000 points, but this one has 11000000");
        // 1000^4 overflows an int, 1000^7 a long: still one message
        assertThatThrownBy(() -> new GridSpace(Map.of("a", thousand, "b", thousand, "c", thousand, "d", thousand,
                "e", thousand, "f", thousand, "g", thousand)))
                .hasMessage("a grid may hold at most 10000000 points, but this one has 1.00e+21");
    }

    @Test
    void morrisDesignsUpToTheirLimits() {
        assertThatThrownBy(() -> MorrisDesign.generate(2, 4, 10, 2001, 1))
                .hasMessage("candidatePool must be at most 2000, but got 2001");
        assertThatThrownBy(() -> MorrisDesign.generate(2, 102, 10, 0, 1))
                .hasMessage("levels must be at most 100, but got 102");
        assertThatThrownBy(() -> MorrisDesign.generate(2, 4, POP + 1, 0, 1))
                .hasMessage("trajectories must be at most 100000, but got 100001");
        assertThat(MorrisDesign.generate(2, 100, 3, 0, 1).levels()).isEqualTo(100);
    }
}
