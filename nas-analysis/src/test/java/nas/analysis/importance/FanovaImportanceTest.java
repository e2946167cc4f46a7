package nas.analysis.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import nas.api.Studies;
import nas.api.Study;
import nas.api.Trial;
import nas.api.sampler.RandomSampler;
import org.junit.jupiter.api.Test;

class FanovaImportanceTest {

    static double mixed(Trial t) {
        double lr = t.suggestFloat("lr", 1e-4, 1e-1, true);
        int layers = t.suggestInt("layers", 1, 8);
        String act = t.suggestCategorical("act", "relu", "tanh", "sigmoid");
        double noise = t.suggestFloat("noise", 0, 1);
        // lr matters most (through its logarithm), then the activation, then layers; noise not at all.
        double a = switch (act) {
            case "relu" -> 0;
            case "tanh" -> 2;
            default -> 4;
        };
        return 3 * Math.log10(lr) + a + 0.3 * layers + 0 * noise;
    }

    @Test
    void ranksMixedParameterTypes() {
        Study study = Studies.builder("f").sampler(new RandomSampler(8L)).create();
        study.optimize(FanovaImportanceTest::mixed, 300);
        ImportanceResult r = FanovaImportance.builder().seed(2L).build().evaluate(study);
        assertThat(r.parameters()).extracting(ParameterImportance::name).containsExactly("lr", "act", "layers", "noise");
        // Analytic shares: Var(3 log10 lr) = 9 * 9/12 = 6.75; Var(act) = 8/3; Var(0.3 layers) = 0.09 * 63/12 = 0.4725.
        double total = 6.75 + 8 / 3.0 + 0.4725;
        assertThat(r.parameters().get(0).importance()).isCloseTo(6.75 / total, within(0.05));
        assertThat(r.parameters().get(1).importance()).isCloseTo(8 / 3.0 / total, within(0.05));
        assertThat(r.parameters().stream().mapToDouble(ParameterImportance::importance).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(r.trialsUsed()).isEqualTo(300);

        ImportanceResult mdi = new MdiImportance(FanovaImportance.builder().seed(2L)).evaluate(study);
        assertThat(mdi.parameters().get(0).name()).isEqualTo("lr");
        assertThat(mdi.parameters().get(3).name()).isEqualTo("noise");
    }

    @Test
    void subsetTargetAndReproducibility() {
        Study study = Studies.builder("f").sampler(new RandomSampler(9L)).create();
        study.optimize(FanovaImportanceTest::mixed, 100);
        FanovaImportance.Builder b = FanovaImportance.builder().trees(16).seed(5L).parameters(Set.of("layers", "noise"));
        ImportanceResult one = b.build().evaluate(study);
        assertThat(one.parameters()).extracting(ParameterImportance::name).containsExactly("layers", "noise");
        assertThat(b.build().evaluate(study)).isEqualTo(one);
        assertThat(FanovaImportance.builder().trees(16).seed(6L).parameters(Set.of("layers", "noise")).build()
                .evaluate(study).parameters()).isNotEqualTo(one.parameters());
        ImportanceResult negated = FanovaImportance.builder().trees(16).seed(5L).parameters(Set.of("layers", "noise"))
                .target("minus objective", t -> -t.value()).build().evaluate(study);
        assertThat(negated.target()).isEqualTo("minus objective");
        assertThat(negated.parameters().get(0).importance()).isCloseTo(one.parameters().get(0).importance(), within(1e-9));
    }

    @Test
    void parametersHeldFixedAreLeftOutAndSaidSo() {
        Study study = Studies.builder("fixed").sampler(new RandomSampler(4L)).create();
        study.optimize(t -> {
            t.suggestFloat("held", 0, 1, false);
            return mixed(t);
        }, 20);
        // "held" varies in these 20 trials; a study where it is always 0.5:
        Study fixed = Studies.builder("fixed2").sampler(new RandomSampler(4L)).create();
        for (int i = 0; i < 20; i++) {
            fixed.enqueueTrial(java.util.Map.of("held", 0.5));
        }
        fixed.optimize(t -> {
            t.suggestFloat("held", 0, 1, false);
            return mixed(t);
        }, 20);
        assertThat(FanovaImportance.builder().trees(8).build().evaluate(study).parameters())
                .extracting(ParameterImportance::name).contains("held");
        ImportanceResult r = FanovaImportance.builder().trees(8).build().evaluate(fixed);
        assertThat(r.parameters()).extracting(ParameterImportance::name).doesNotContain("held").hasSize(4);
        assertThat(r.notes()).anyMatch(n -> n.contains("never varied") && n.contains("[held]"));
    }

    @Test
    void clearErrors() {
        Study study = Studies.builder("few").sampler(new RandomSampler(1L)).create();
        study.optimize(FanovaImportanceTest::mixed, 3);
        assertThatThrownBy(() -> FanovaImportance.builder().build().evaluate(study))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 4 completed trials").hasMessageContaining("has 3");
        study.optimize(FanovaImportanceTest::mixed, 5);
        assertThatThrownBy(() -> FanovaImportance.builder().parameters(Set.of("depth")).build().evaluate(study))
                .hasMessageContaining("[depth]");
    }
}
