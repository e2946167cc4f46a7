package nas.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.sampler.RandomSampler;
import nas.api.storage.InMemoryStorage;
import nas.samplers.cmaes.CmaEsSampler;
import nas.samplers.grid.GridSampler;
import nas.samplers.nsga2.Nsga2Sampler;
import nas.samplers.qmc.QmcSampler;
import nas.samplers.tpe.TpeOptions;
import nas.samplers.tpe.TpeSampler;
import org.junit.jupiter.api.Test;

class SamplersTest {

    @Test
    void everyNameBuildsItsSampler() {
        assertThat(Samplers.names()).containsExactly("auto", "random", "tpe", "gp", "qmc", "grid", "nsga2", "cmaes");
        assertThat(Samplers.create("auto", Map.of(), 1)).isInstanceOf(AutoSampler.class);
        assertThat(Samplers.create("random", Map.of(), 1)).isInstanceOf(RandomSampler.class);
        assertThat(Samplers.create("TPE", Map.of("startup-trials", "3", "multivariate", "true"), 1))
                .isInstanceOf(TpeSampler.class);
        assertThat(Samplers.create("qmc", Map.of("type", "halton"), 1)).isInstanceOf(QmcSampler.class);
        assertThat(Samplers.create("grid", Map.of("x", "1, 2,3"), 1)).isInstanceOfSatisfying(GridSampler.class,
                g -> assertThat(g.grid().size()).isEqualTo(3));
        assertThat(Samplers.create("nsga2", Map.of("population-size", "8", "crossover", "sbx"), 1))
                .isInstanceOf(Nsga2Sampler.class);
        assertThat(Samplers.create("cmaes", Map.of("restart", "bipop", "separable", "true"), 1))
                .isInstanceOf(CmaEsSampler.class);
    }

    @Test
    void tpeScoresWidthWeightedUnlessTold() {
        TpeSampler byDefault = (TpeSampler) Samplers.create("tpe", Map.of(), 1);
        TpeSampler exact = (TpeSampler) Samplers.create("tpe", Map.of("width-weighted", "false"), 1);
        assertThat(byDefault.options().widthWeighted()).isTrue();
        assertThat(exact.options().widthWeighted()).isFalse();
        assertThat(exact.options().withWidthWeighted(true).nEiCandidates()).isEqualTo(24);
        assertThatThrownBy(() -> Samplers.create("tpe", Map.of("width-weighted", "no"), 1))
                .hasMessage("option 'width-weighted' of sampler 'tpe' needs true or false, but got 'no'");
    }

    @Test
    void unknownNamesOptionsAndBadValuesAreRefusedNamingWhatIsKnown() {
        assertThatThrownBy(() -> Samplers.create("annealing", Map.of(), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown sampler 'annealing'; known samplers: auto, random, tpe, gp, qmc, grid, nsga2, cmaes");
        assertThatThrownBy(() -> Samplers.create("gp", Map.of("population-size", "8"), 1))
                .hasMessage("sampler 'gp' does not take option(s) [population-size]; it takes [candidates, startup-trials]");
        assertThatThrownBy(() -> Samplers.create("random", Map.of("type", "sobol"), 1))
                .hasMessage("sampler 'random' does not take option(s) [type]; it takes none");
        assertThatThrownBy(() -> Samplers.create("tpe", Map.of("startup-trials", "ten"), 1))
                .hasMessage("option 'startup-trials' of sampler 'tpe' needs an integer, but got 'ten'");
        assertThatThrownBy(() -> Samplers.create("tpe", Map.of("multivariate", "yes"), 1))
                .hasMessage("option 'multivariate' of sampler 'tpe' needs true or false, but got 'yes'");
        assertThatThrownBy(() -> Samplers.create("cmaes", Map.of("restart", "often"), 1))
                .hasMessageContaining("must be none, ipop or bipop, but got 'often'");
        assertThatThrownBy(() -> Samplers.create("cmaes", Map.of("warm-start", "old"), 1))
                .hasMessageContaining("needs the storage holding study 'old'");
        assertThatThrownBy(() -> Samplers.create("cmaes", Map.of("warm-start", "old"), 1, Map.of(),
                new InMemoryStorage())).hasMessage("option 'warm-start' of sampler 'cmaes': no study 'old' in this storage");
        // the samplers' own checks name the option as given, not the Java parameter ("nCandidates must be >= 1")
        assertThatThrownBy(() -> Samplers.create("gp", Map.of("candidates", "0"), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option 'candidates' of sampler 'gp' must be >= 1, but got 0");
    }

    @Test
    void theSamplersOwnChecksNameTheOptionAsGiven() {
        assertThatThrownBy(() -> TpeOptions.defaults().withNStartupTrials(-3)).hasMessageStartingWith("nStartupTrials");
        assertThatThrownBy(() -> Samplers.create("tpe", Map.of("startup-trials", "-3"), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option 'startup-trials' of sampler 'tpe' must be >= 0, but got -3");
        assertThatThrownBy(() -> Samplers.create("TPE", Map.of("ei-candidates", "0"), 1))
                .hasMessage("option 'ei-candidates' of sampler 'tpe' must be >= 1, but got 0");
        assertThatThrownBy(() -> Samplers.create("nsga2", Map.of("population-size", "1"), 1))
                .hasMessage("option 'population-size' of sampler 'nsga2' must be >= 2, but got 1");
        assertThatThrownBy(() -> Samplers.create("cmaes", Map.of("popsize", "1"), 1))
                .hasMessageStartingWith("option 'popsize' of sampler 'cmaes' must be 0 (default) or >= 2");
    }

    @Test
    void aGridIsCheckedAgainstTheSearchSpaceWhenItIsKnown() {
        Map<String, Distribution> space = new LinkedHashMap<>();
        space.put("x0", FloatDistribution.of(-5, 5));
        space.put("x1", FloatDistribution.of(-5, 5));
        assertThatThrownBy(() -> Samplers.create("grid", Map.of("x0", "a,b", "x1", "0"), 1, space, null))
                .hasMessage("grid value x0=a is not a value of float[-5.0, 5.0]");
        assertThatThrownBy(() -> Samplers.create("grid", Map.of("x0", "0,1"), 1, space, null))
                .hasMessageStartingWith("grid misses parameter(s) [x1]");
        assertThatThrownBy(() -> Samplers.create("grid", Map.of("x0", "0", "x1", "0", "y", "1"), 1, space, null))
                .hasMessageStartingWith("grid names 'y', which is not a parameter of the objective");
        assertThatThrownBy(() -> Samplers.create("grid", Map.of(), 1))
                .hasMessage("grid needs the values of at least one parameter");
        assertThat(Samplers.create("grid", Map.of("x0", "0,1", "x1", "2"), 1, space, null)).isInstanceOfSatisfying(
                GridSampler.class, g -> assertThat(g.grid().size()).isEqualTo(2));
    }

    @Test
    void gridValuesAreParsedByKind() {
        assertThat(List.of(Samplers.gridValue("3"), Samplers.gridValue("0.5"), Samplers.gridValue("true"),
                Samplers.gridValue("adam"))).containsExactly(3L, 0.5, true, "adam");
    }

    @Test
    void optionsAreListedInOrderForAnyNameCreateTakes() {
        assertThat(Samplers.options("TPE")).containsExactly("constant-liar", "ei-candidates", "group", "multivariate",
                "startup-trials", "width-weighted");
        assertThatThrownBy(() -> Samplers.create(null, Map.of(), 1)).isInstanceOf(NullPointerException.class)
                .hasMessage("sampler name");
        assertThatThrownBy(() -> Samplers.create("tpe", null, 1)).isInstanceOf(NullPointerException.class)
                .hasMessage("options");
    }
}
