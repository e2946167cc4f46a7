package nas.neat.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class DatasetsTest {

    @Test
    void spiralsIsTheClassicSetOfTwiceNinetySevenPoints() {
        Dataset s = Datasets.spirals();
        assertThat(s.size()).isEqualTo(194);
        // i = 0: angle 0, radius 6.5 -> (0, 6.5) and its reflection (0, -6.5)
        assertThat(s.feature(0, 0)).isCloseTo(0.0, within(1e-12));
        assertThat(s.feature(0, 1)).isCloseTo(6.5, within(1e-12));
        assertThat(s.feature(1, 1)).isCloseTo(-6.5, within(1e-12));
        // i = 96: angle 6 pi, radius 6.5 * 8 / 104 = 0.5 -> (0, 0.5)
        assertThat(s.feature(192, 1)).isCloseTo(0.5, within(1e-12));
        assertThat(s.labels()).containsOnly(0, 1);
        assertThat(java.util.Arrays.stream(s.labels()).sum()).isEqualTo(97);
    }

    @Test
    void builtInSpiralsValidateHalfwayBetweenTheTrainingPoints() {
        Split s = Datasets.builtIn("spirals", 1);
        assertThat(s.train().size()).isEqualTo(194);
        assertThat(s.validation().size()).isEqualTo(194);
        Dataset half = Datasets.spirals(0.5);
        // i = 0.5: angle pi/32, radius 6.5 * 103.5 / 104
        double r = 6.5 * 103.5 / 104;
        assertThat(half.feature(0, 0)).isCloseTo(r * Math.sin(Math.PI / 32), within(1e-12));
        assertThat(half.feature(0, 1)).isCloseTo(r * Math.cos(Math.PI / 32), within(1e-12));
        double[] raw = new double[2];
        for (int j = 0; j < 2; j++) {
            raw[j] = s.validation().feature(0, j) * s.std()[j] + s.mean()[j];
        }
        assertThat(raw).containsExactly(new double[] {half.feature(0, 0), half.feature(0, 1)}, within(1e-12));
    }

    @Test
    void splitIsSeededAndStandardisedByTheTrainingRows() {
        Split a = Split.of(Datasets.spirals(), 0.3, 5);
        Split b = Split.of(Datasets.spirals(), 0.3, 5);
        Split c = Split.of(Datasets.spirals(), 0.3, 6);
        assertThat(a.validation().size()).isEqualTo(58);
        assertThat(a.train().size()).isEqualTo(136);
        assertThat(a.train().features()).containsExactly(b.train().features());
        assertThat(a.train().features()).isNotEqualTo(c.train().features());
        for (int j = 0; j < 2; j++) {
            double sum = 0;
            double ss = 0;
            for (int i = 0; i < a.train().size(); i++) {
                sum += a.train().feature(i, j);
                ss += a.train().feature(i, j) * a.train().feature(i, j);
            }
            assertThat(sum / 136).isCloseTo(0.0, within(1e-12));
            assertThat(ss / 136).isCloseTo(1.0, within(1e-12));
        }
        double[] out = new double[2];
        a.standardise(new double[] {a.mean()[0], a.mean()[1] + a.std()[1]}, out);
        assertThat(out).containsExactly(new double[] {0.0, 1.0}, within(1e-12));
    }

    @Test
    void xorTrainsAndValidatesOnItsTruthTable() {
        Split x = Datasets.builtIn("xor", 0);
        assertThat(x.train().labels()).containsExactly(0, 1, 1, 0);
        assertThat(x.validation().labels()).containsExactly(0, 1, 1, 0);
        assertThat(x.train().feature(0, 0)).isCloseTo(-1.0, within(1e-12));
    }

    @Test
    void circlesAreSeparatedByRadius() {
        Dataset c = Datasets.circles(200, 0.5, 0.0, 1);
        for (int i = 0; i < c.size(); i++) {
            double r = Math.hypot(c.feature(i, 0), c.feature(i, 1));
            assertThat(r).isCloseTo(c.labels()[i] == 0 ? 1.0 : 0.5, within(1e-12));
        }
    }

    @Test
    void csvReadsNamedLabelColumnAnywhere() {
        Dataset d = CsvDataset.parse("t.csv", List.of("a,kind,b", "1,cat,2", "", "3,\"dog\",4", "5,cat,6"), "kind");
        assertThat(d.featureCount()).isEqualTo(2);
        assertThat(d.classNames()).containsExactly("cat", "dog");
        assertThat(d.labels()).containsExactly(0, 1, 0);
        assertThat(d.features()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void badCsvInputIsOneClearMessage() {
        assertThatThrownBy(() -> CsvDataset.parse("t.csv", List.of("a,b", "1,0"), "label"))
                .hasMessage("t.csv: no label column 'label'; the columns are a, b");
        assertThatThrownBy(() -> CsvDataset.parse("t.csv", List.of("a,label", "1,x", "oops,y"), "label"))
                .hasMessage("t.csv:3: column 'a' is not a finite number: 'oops'");
        assertThatThrownBy(() -> CsvDataset.parse("t.csv", List.of("a,label", "1,x", "2,x"), "label"))
                .hasMessageContaining("has one class only (x)");
        assertThatThrownBy(() -> CsvDataset.parse("t.csv", List.of("a,label", "1,x,3"), "label"))
                .hasMessage("t.csv:2: 3 fields, the header has 2");
        assertThatThrownBy(() -> CsvDataset.parse("t.csv", List.of(), "label")).hasMessageContaining("empty");
        Dataset two = CsvDataset.parse("t.csv", List.of("a,label", "1,x", "2,y"), "label");
        assertThatThrownBy(() -> Split.of(two, 0.3, 1))
                .hasMessage("the data set has 2 rows, fewer than the 4 a validation fraction of 0.3 needs");
        assertThatThrownBy(() -> Datasets.builtIn("moons", 1)).hasMessageContaining("unknown data set 'moons'");
    }

    @Test
    void aMissingCsvFileIsSaidInWords(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path missing = dir.resolve("data.csv");
        // before: "cannot read CSV file .../data.csv: .../data.csv" (NoSuchFileException's message is the path)
        assertThatThrownBy(() -> CsvDataset.read(missing, "label"))
                .hasMessage("cannot read CSV file " + missing + ": no such file or directory");
        assertThatThrownBy(() -> CsvDataset.read(dir, "label")).hasMessageStartingWith("cannot read CSV file " + dir + ": ")
                .hasMessageNotContaining(": " + dir);
    }
}
