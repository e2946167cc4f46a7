package nas.analysis.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
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

    /** Objective 0 depends on x only, objective 1 on y only. */
    private static Study twoObjectives() {
        Study study = Studies.builder("mo").directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE)
                .sampler(new RandomSampler(3L)).create();
        study.optimizeMulti(t -> {
            double x = t.suggestFloat("x", -1, 1);
            double y = t.suggestFloat("y", -1, 1);
            return new double[] {x * x, 3 * y};
        }, OptimizeOptions.trials(60));
        return study;
    }

    @Test
    void aMultiObjectiveStudyNeedsItsObjectiveChosenAsInOptuna() {
        Study mo = twoObjectives();
        String expected = "study 'mo' has 2 objectives: choose the one fANOVA explains with Importance.of(study, index), "
                + "the evaluator's objective(index) (or target(name, function) for a weighted sum), "
                + "or 'nas importance --objective-index K'";
        assertThatThrownBy(() -> Importance.of(mo).size()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(expected);
        assertThatThrownBy(() -> MdiImportance.builder().trees(8).build().evaluate(mo))
                .hasMessageStartingWith("study 'mo' has 2 objectives: choose the one MDI explains");
        assertThatThrownBy(() -> Importance.of(mo).with(PedAnovaImportance.defaults()).size())
                .hasMessageStartingWith("study 'mo' has 2 objectives: choose the one PED-ANOVA explains");
        // chosen: each objective is explained by its own parameter
        assertThat(Importance.of(mo, 0).keySet()).first().isEqualTo("x");
        assertThat(Importance.of(mo, 1).keySet()).first().isEqualTo("y");
        assertThat(Importance.of(mo, 1).get("y")).isGreaterThan(0.9);
        assertThat(Importance.of(mo).with(PedAnovaImportance.defaults().withObjective(1)).keySet()).first()
                .isEqualTo("y");
        assertThat(Importance.of(mo).with(MdiImportance.builder().objective(0).build()).keySet()).first()
                .isEqualTo("x");
        assertThat(Importance.of(mo, 1).result()).isEqualTo(FanovaImportance.builder().objective(1).build().evaluate(mo));
    }
}
