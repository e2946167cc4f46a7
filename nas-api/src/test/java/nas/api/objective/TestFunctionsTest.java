package nas.api.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Map;
import nas.api.objective.functions.TestFunctions;
import org.junit.jupiter.api.Test;

class TestFunctionsTest {

    @Test
    void singleObjectiveValuesByHand() {
        assertThat(TestFunctions.sphere(new double[] {1, -2, 3})).isEqualTo(14);
        assertThat(TestFunctions.rosenbrock(new double[] {1, 1, 1})).isZero();
        assertThat(TestFunctions.rosenbrock(new double[] {0, 0})).isEqualTo(1);
        assertThat(TestFunctions.rosenbrock(new double[] {-1, 2})).isEqualTo(100 * 1 + 4);
        assertThat(TestFunctions.rastrigin(new double[] {0, 0})).isZero();
        assertThat(TestFunctions.rastrigin(new double[] {0.5})).isCloseTo(10 + 0.25 + 10, offset(1e-12));
        // axis scales 1, 1e3, 1e6 for n = 3
        assertThat(TestFunctions.ellipsoid(new double[] {1, 1, 1})).isCloseTo(1 + 1e3 + 1e6, offset(1e-6));
    }

    @Test
    void braninAndHartmann6ReachTheirPublishedMinima() {
        double branin = 0.397887;
        assertThat(TestFunctions.branin(-Math.PI, 12.275)).isCloseTo(branin, offset(1e-6));
        assertThat(TestFunctions.branin(Math.PI, 2.275)).isCloseTo(branin, offset(1e-6));
        assertThat(TestFunctions.branin(9.42478, 2.475)).isCloseTo(branin, offset(1e-6));
        // at the origin by hand: t = -6, so 36 + 10 (1 - 1/(8π)) + 10
        assertThat(TestFunctions.branin(0, 0)).isCloseTo(56 - 10 / (8 * Math.PI), offset(1e-12));
        assertThat(TestFunctions.hartmann6(new double[] {0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573}))
                .isCloseTo(-3.32237, offset(1e-5));
    }

    @Test
    void zdtFrontsAtGEqualToOne() {
        double[] x = new double[30];
        x[0] = 0.25;
        assertThat(TestFunctions.zdt1(x)).containsExactly(0.25, 0.5);
        assertThat(TestFunctions.zdt2(x)).containsExactly(0.25, 1 - 0.0625);
        assertThat(TestFunctions.zdt3(x)[1]).isCloseTo(1 - 0.5 - 0.25 * Math.sin(2.5 * Math.PI), offset(1e-12));
        x[1] = 1;
        assertThat(TestFunctions.zdt1(x)[1]).isCloseTo((1 + 9.0 / 29) * (1 - Math.sqrt(0.25 / (1 + 9.0 / 29))),
                offset(1e-12));
    }

    @Test
    void dtlz2FrontIsTheUnitSphere() {
        double[] x = new double[12];
        java.util.Arrays.fill(x, 0.5);
        x[0] = 0.3;
        x[1] = 0.8;
        double[] f = TestFunctions.dtlz2(x, 3);
        assertThat(f[0] * f[0] + f[1] * f[1] + f[2] * f[2]).isCloseTo(1, offset(1e-12));
        assertThat(f[2]).isCloseTo(Math.sin(0.3 * Math.PI / 2), offset(1e-12));
        x[5] = 1; // g = 0.25
        double[] g = TestFunctions.dtlz2(x, 3);
        assertThat(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]).isCloseTo(1.25 * 1.25, offset(1e-12));
    }

    @Test
    void pluginsDeclareDirectionsAndRejectUnknownOptions() {
        ObjectiveDefinition zdt = ObjectivePlugins.find("zdt1").create(ObjectiveOptions.none());
        assertThat(zdt.directions()).hasSize(2);
        assertThat(zdt.parameterDefaults()).hasSize(30);
        ObjectiveDefinition dtlz = ObjectivePlugins.find("dtlz2").create(ObjectiveOptions.none());
        assertThat(dtlz.directions()).hasSize(3);
        assertThat(dtlz.parameterDefaults()).hasSize(12);
        assertThat(ObjectivePlugins.find("sphere").create(new ObjectiveOptions(Map.of("dim", "3")))
                .parameterDefaults()).containsOnlyKeys("x0", "x1", "x2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ObjectivePlugins.find("sphere")
                .create(new ObjectiveOptions(Map.of("size", "3")))).hasMessageContaining("does not take option(s) [size]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ObjectivePlugins.find("nope"))
                .hasMessageContaining("unknown objective 'nope'");
    }
}
