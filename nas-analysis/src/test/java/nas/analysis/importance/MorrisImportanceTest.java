package nas.analysis.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import nas.api.Studies;
import nas.api.Study;
import nas.api.Trial;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.distribution.IntDistribution;
import nas.api.sampler.RandomSampler;
import nas.samplers.morris.MorrisSampler;
import org.junit.jupiter.api.Test;
import nas.api.testing.LogCapture;
import java.util.logging.Level;

class MorrisImportanceTest {

    static Map<String, Distribution> unitCube(int k) {
        Map<String, Distribution> s = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            s.put("x" + i, FloatDistribution.of(0, 1));
        }
        return s;
    }

    static double linear(Trial t) {
        double[] x = new double[6];
        for (int i = 0; i < 6; i++) {
            x[i] = t.suggestFloat("x" + i, 0, 1);
        }
        return 10 * x[0] + 3 * x[1] + x[2];
    }

    @Test
    void linearFunctionThroughAStudy() {
        MorrisSampler sampler = new MorrisSampler(unitCube(6), 4, 10, 30, 3L);
        Study study = Studies.builder("screen").sampler(sampler).create();
        study.optimize(MorrisImportanceTest::linear, sampler.designSize());
        MorrisImportance.Report report = new MorrisImportance(0).evaluate(study);
        assertThat(report.rows()).extracting(MorrisImportance.Row::name).startsWith("x0", "x1", "x2");
        Map<String, Double> expected = Map.of("x0", 10.0, "x1", 3.0, "x2", 1.0, "x3", 0.0, "x4", 0.0, "x5", 0.0);
        for (MorrisImportance.Row row : report.rows()) {
            assertThat(row.indices().muStar()).isCloseTo(expected.get(row.name()), within(1e-9));
            assertThat(row.indices().sigma()).isCloseTo(0.0, within(1e-9));
            assertThat(row.indices().effects()).isEqualTo(10);
        }
        assertThat(report.completed()).isEqualTo(70);
        ImportanceResult generic = report.toImportance("objective 0");
        assertThat(generic.parameters().get(0).importance()).isCloseTo(10 / 14.0, within(1e-9));
    }

    @Test
    void builderTakesTheSpaceFromTheObjectiveInDeclaredOrder() {
        // twelve parameters x0..x11: sorted by name they would run x0, x1, x10, x11, x2, ...
        nas.api.Objective f = t -> {
            double v = 0;
            for (int i = 0; i < 12; i++) {
                v += (12 - i) * t.suggestFloat("x" + i, 0, 1);
            }
            return v;
        };
        MorrisSampler sampler = MorrisSampler.builder().trajectories(6).candidatePool(20).seed(5).spaceOf(f).build();
        assertThat(sampler.parameters()).containsExactly("x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9",
                "x10", "x11");
        assertThat(sampler.designSize()).isEqualTo(6 * 13);
        Study study = Studies.builder().sampler(sampler).create();
        study.optimize(f, sampler.designSize());
        MorrisImportance.Report report = new MorrisImportance(0).evaluate(study);
        // a linear function: every elementary effect of x_i is exactly its coefficient 12 - i
        assertThat(report.rows()).extracting(MorrisImportance.Row::name).containsExactlyElementsOf(sampler.parameters());
        for (MorrisImportance.Row row : report.rows()) {
            int i = Integer.parseInt(row.name().substring(1));
            assertThat(row.indices().muStar()).isCloseTo(12 - i, within(1e-9));
        }
        // the builder with a sorted space designs exactly as the positional constructor did
        @SuppressWarnings("deprecation")
        MorrisSampler positional = new MorrisSampler(unitCube(6), 4, 10, 30, 3L);
        MorrisSampler named = MorrisSampler.builder().space(unitCube(6)).levels(4).trajectories(10).candidatePool(30)
                .seed(3).build();
        for (int p = 0; p < named.designSize(); p++) {
            assertThat(named.design().point(p)).containsExactly(positional.design().point(p));
        }
        assertThatThrownBy(() -> MorrisSampler.builder().build()).hasMessageContaining("spaceOf(objective)");
        assertThatThrownBy(() -> MorrisSampler.builder().spaceOf(t -> 1.0)).hasMessageContaining("no parameter");
        assertThatThrownBy(() -> MorrisSampler.builder().levels(3).space(unitCube(2)).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failedTrialsAreSkippedAndReported() {
        MorrisSampler sampler = new MorrisSampler(unitCube(6), 4, 10, 0, 4L);
        Study study = Studies.builder("screen").sampler(sampler).create();
        try (LogCapture log = LogCapture.start()) {
            study.optimize(t -> {
                double v = linear(t);
                if (t.number() == 5 || t.number() == 21) { // 5: inside trajectory 0; 21: start of trajectory 3
                    throw new IllegalStateException("simulated crash");
                }
                return v;
            }, sampler.designSize());
            assertThat(log.messages(Level.WARNING)).containsExactly(
                    "trial 5 of study 'screen' failed: java.lang.IllegalStateException: simulated crash",
                    "trial 21 of study 'screen' failed: java.lang.IllegalStateException: simulated crash");
        }
        MorrisImportance.Report report = new MorrisImportance(0).evaluate(study);
        assertThat(report.notCompleted()).containsExactly(5, 21);
        assertThat(report.missingSteps()).isEqualTo(3); // two steps around point 5, one after point 21
        assertThat(report.rows().stream().mapToInt(r -> r.indices().effects()).sum()).isEqualTo(60 - 3);
        assertThat(report.rows().get(0).indices().muStar()).isCloseTo(10.0, within(1e-9));
        assertThat(report.toImportance("objective 0").notes()).anyMatch(n -> n.contains("[5, 21]"));
    }

    @Test
    void integerEffectsAreNormalisedByTheirRange() {
        // f = c with c in 0..3: every effect is the change across the whole range, 3.
        Map<String, Distribution> space = new LinkedHashMap<>(unitCube(1));
        space.put("c", new IntDistribution(0, 3, false, 1));
        MorrisSampler sampler = new MorrisSampler(space, 4, 8, 0, 2L);
        Study study = Studies.builder("int").sampler(sampler).create();
        study.optimize(t -> t.suggestFloat("x0", 0, 1) * 0 + t.suggestInt("c", 0, 3), sampler.designSize());
        MorrisImportance.Report report = new MorrisImportance(0).evaluate(study);
        assertThat(report.rows().get(0).name()).isEqualTo("c");
        assertThat(report.rows().get(0).indices().muStar()).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void conditionalParametersSwitchingWithTheMovedOneDoNotConfuseTheAnalysis() {
        // "size" exists only under sel = tour; a step that moves sel also switches size on or off.
        Map<String, Distribution> space = new LinkedHashMap<>(unitCube(1));
        space.put("sel", nas.api.distribution.CategoricalDistribution.of("tour", "rank"));
        space.put("size", new IntDistribution(2, 7, false, 1));
        MorrisSampler sampler = new MorrisSampler(space, 4, 12, 0, 6L);
        Study study = Studies.builder("cond").sampler(sampler).create();
        study.optimize(t -> {
            double x = t.suggestFloat("x0", 0, 1);
            String sel = t.suggestCategorical("sel", "tour", "rank");
            return x + (sel.equals("tour") ? t.suggestInt("size", 2, 7) : 10);
        }, sampler.designSize());
        MorrisImportance.Report report = new MorrisImportance(0).evaluate(study);
        Map<String, MorrisIndices> byName = new java.util.HashMap<>();
        report.rows().forEach(r -> byName.put(r.name(), r.indices()));
        assertThat(byName.get("x0").muStar()).isCloseTo(1.0, within(1e-9));
        assertThat(byName.get("sel").effects()).isEqualTo(12);
        // size has an effect of 5 per full range wherever it is active at both ends of its step.
        assertThat(byName.get("size").muStar()).isCloseTo(5.0, within(1e-9));
        assertThat(byName.get("size").effects()).isLessThan(12);
        assertThat(report.emptySteps()).isEqualTo(12 - byName.get("size").effects());
    }

    @Test
    void aStudyWithoutAMorrisDesignIsAClearError() {
        Study study = Studies.builder("random").sampler(new RandomSampler(1L)).create();
        study.optimize(MorrisImportanceTest::linear, 5);
        assertThatThrownBy(() -> new MorrisImportance(0).evaluate(study)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no Morris design");
    }
}
