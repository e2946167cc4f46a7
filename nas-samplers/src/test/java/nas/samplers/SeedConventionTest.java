package nas.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nas.api.FrozenTrial;
import nas.api.Objective;
import nas.api.Studies;
import nas.api.Study;
import nas.api.sampler.RandomSampler;
import nas.api.sampler.Sampler;
import nas.samplers.cmaes.CmaEsSampler;
import nas.samplers.gp.GpOptions;
import nas.samplers.gp.GpSampler;
import nas.samplers.nsga2.Nsga2Options;
import nas.samplers.nsga2.Nsga2Sampler;
import nas.samplers.qmc.QmcOptions;
import nas.samplers.qmc.QmcSampler;
import nas.samplers.tpe.TpeOptions;
import nas.samplers.tpe.TpeSampler;
import org.junit.jupiter.api.Test;

/** One seed convention: a long given to the sampler, or the study's seed when it has none. */
class SeedConventionTest {

    private static final Objective F = t -> {
        double x = t.suggestFloat("x", -3, 3);
        return x * x + t.suggestInt("n", 0, 4);
    };

    private static List<Map<String, Object>> run(Sampler sampler, long studySeed) {
        Study s = Studies.builder().sampler(sampler).seed(studySeed).create();
        s.optimize(F, 25);
        return s.trials().stream().map(FrozenTrial::params).toList();
    }

    @Test
    void anIntLiteralSeedsEverySamplerAndTheStudySeedFillsIn() {
        // withSeed(42) takes an int literal; the same seed given to the sampler or to the study: the same study
        List<Supplier<Sampler>> seeded = List.of(
                () -> new RandomSampler(42),
                () -> new TpeSampler(TpeOptions.defaults().withSeed(42).withNStartupTrials(5)),
                () -> new QmcSampler(QmcOptions.defaults().withSeed(42)),
                () -> new Nsga2Sampler(Nsga2Options.defaults().withSeed(42).withPopulationSize(6)),
                () -> new GpSampler(GpOptions.defaults().withSeed(42).withNStartupTrials(5).withNCandidates(64)),
                () -> new CmaEsSampler(CmaEsSampler.Options.defaults().withSeed(42)));
        List<Supplier<Sampler>> fromStudy = List.of(
                RandomSampler::new,
                () -> new TpeSampler(TpeOptions.defaults().withStudySeed().withNStartupTrials(5)),
                () -> new QmcSampler(QmcOptions.defaults().withStudySeed()),
                () -> new Nsga2Sampler(Nsga2Options.defaults().withStudySeed().withPopulationSize(6)),
                () -> new GpSampler(GpOptions.defaults().withStudySeed().withNStartupTrials(5).withNCandidates(64)),
                () -> new CmaEsSampler(CmaEsSampler.Options.defaults().withStudySeed()));
        for (int i = 0; i < seeded.size(); i++) {
            List<Map<String, Object>> a = run(seeded.get(i).get(), 0);
            assertThat(run(fromStudy.get(i).get(), 42)).as("sampler %d", i).isEqualTo(a);
            // a sampler's own seed wins over the study's
            assertThat(run(seeded.get(i).get(), 7)).as("sampler %d", i).isEqualTo(a);
            assertThat(run(fromStudy.get(i).get(), 7)).as("sampler %d", i).isNotEqualTo(a);
        }
        assertThat(TpeOptions.defaults().withSeed(42).seed()).isEqualTo(42L);
        assertThat(TpeOptions.defaults().withSeed(42).withStudySeed().seed()).isNull();
        assertThat(GpOptions.defaults().withSeed(42).seed()).isEqualTo(42L);
        assertThat(GpOptions.defaults().withSeed(42).withStudySeed().seed()).isNull();
    }
}
