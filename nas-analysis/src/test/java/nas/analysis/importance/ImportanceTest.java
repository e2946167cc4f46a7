package nas.analysis.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import nas.api.Studies;
import nas.api.Study;
import nas.api.sampler.RandomSampler;
import org.junit.jupiter.api.Test;

class ImportanceTest {

    private static Study mixedStudy() {
        Study study = Studies.builder().sampler(new RandomSampler(8L)).create();
        study.optimize(FanovaImportanceTest::mixed, 300);
        return study;
    }

    @Test
    void ofGivesNameToImportanceRankedLikeTheDefaultFanova() {
        Study study = mixedStudy();
        Map<String, Double> shares = Importance.of(study);
        ImportanceResult full = FanovaImportance.builder().build().evaluate(study);
        assertThat(shares).containsExactlyEntriesOf(full.asMap());
        assertThat(shares.keySet()).containsExactly("lr", "act", "layers", "noise");
        assertThat(shares.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
        // analytic shares of the additive function: 6.75, 8/3 and 0.4725 of the variance
        double total = 6.75 + 8 / 3.0 + 0.4725;
        assertThat(shares.get("lr")).isCloseTo(6.75 / total, within(0.05));
        assertThat(shares.get("act")).isCloseTo(8 / 3.0 / total, within(0.05));
        assertThat(Importance.of(study).result().evaluator()).isEqualTo("fanova");
    }

    @Test
    void withSwapsTheEvaluator() {
        Study study = mixedStudy();
        Importance mdi = Importance.of(study).with(MdiImportance.builder().seed(2L).build());
        assertThat(mdi.result().evaluator()).isEqualTo("mdi");
        assertThat(mdi.keySet()).first().isEqualTo("lr");
        assertThat(mdi).containsKey("noise");
        // the MDI builder configures as the (deprecated) fANOVA-options constructor did
        @SuppressWarnings("deprecation")
        ImportanceResult old = new MdiImportance(FanovaImportance.builder().seed(2L)).evaluate(study);
        assertThat(mdi.result()).isEqualTo(old);
    }

    @Test
    void rawFractionsShowWhatNormalisationHides() {
        // f = x * y on [-1, 1]^2: no main effect at all (E[f | x] = 0), all variance in the interaction.
        Study study = Studies.builder().sampler(new RandomSampler(3L)).create();
        study.optimize(t -> t.suggestFloat("x", -1, 1) * t.suggestFloat("y", -1, 1), 400);
        ImportanceResult r = FanovaImportance.builder().pairs(true).build().evaluate(study);
        // raw: each explains little alone (forest noise), yet the normalised shares still sum to 1
        double mainEffects = r.parameters().stream().mapToDouble(ParameterImportance::fraction).sum();
        assertThat(mainEffects).isLessThan(0.35);
        assertThat(r.parameters().stream().mapToDouble(ParameterImportance::importance).sum()).isCloseTo(1, within(1e-9));
        assertThat(r.pairs()).hasSize(1);
        assertThat(r.pairs().get(0).fraction()).isGreaterThan(0.6);
        double explained = r.pairs().get(0).fraction()
                + r.parameters().stream().mapToDouble(ParameterImportance::fraction).sum();
        assertThat(explained).isLessThanOrEqualTo(1.0 + 1e-9);

        // on the additive function the raw fractions nearly exhaust the variance and normalise to the shares
        ImportanceResult additive = FanovaImportance.builder().build().evaluate(mixedStudy());
        double sum = additive.parameters().stream().mapToDouble(ParameterImportance::fraction).sum();
        assertThat(sum).isBetween(0.9, 1.0 + 1e-9);
        for (ParameterImportance p : additive.parameters()) {
            assertThat(p.fraction() / sum).isCloseTo(p.importance(), within(1e-12));
        }
        // evaluators without a raw fraction say so
        assertThat(MdiImportance.builder().build().evaluate(study).parameters().get(0).fraction()).isNaN();
    }
}
