package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import nas.api.json.Json;
import nas.neat.NeatGenome;
import nas.neat.NeatGenomeJson;
import nas.neat.learn.NeatClassifier;
import nas.neat.objective.NeatClassifyPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NeatCommandTest {

    @TempDir
    Path dir;

    @Test
    void neatSolvesXorWritesTheNetworkAndPicture() throws Exception {
        Path json = dir.resolve("best.json");
        Path png = dir.resolve("xor.png");
        CliRunner.Result r = CliRunner.run("neat", "--dataset", "xor", "--generations", "50", "--population-size", "50",
                "--seed", "1", "--threads", "2", "--output", json.toString(), "--picture", png.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("gen 0 | 1/50 done | accuracy");
        assertThat(r.out()).contains("validation_accuracy", "xor").contains("Picture: " + png);
        Map<?, ?> doc = (Map<?, ?>) Json.read(Files.readString(json));
        assertThat(doc.get("validation_accuracy")).isEqualTo(1.0);
        NeatGenome best = NeatGenomeJson.fromMap((Map<?, ?>) doc.get("genome"));
        assertThat(NeatClassifier.accuracy(best, NeatClassifyPlugin.load("xor", "label", 0.3, 1))).isEqualTo(1.0);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(600);
        // XOR's boundary: opposite corners share a class colour, neighbouring corners differ
        int topLeft = img.getRGB(60, 60);
        int bottomRight = img.getRGB(540, 540);
        int topRight = img.getRGB(540, 60);
        assertThat(hue(topLeft)).isEqualTo(hue(bottomRight)).isNotEqualTo(hue(topRight));
    }

    /** Which colour channel dominates (blue = class 0, red = class 1 in the picture's palette). */
    private static int hue(int rgb) {
        int red = (rgb >> 16) & 0xff;
        int blue = rgb & 0xff;
        return Integer.compare(red, blue);
    }

    @Test
    void generationsAsCsvAndSvgPicture() throws Exception {
        Path svg = dir.resolve("c.svg");
        CliRunner.Result r = CliRunner.run("neat", "--dataset", "circles", "--generations", "3", "--population-size",
                "20", "--threads", "1", "--quiet", "--format", "csv", "--output", dir.resolve("c.json").toString(),
                "--picture", svg.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("generation,accuracy,best_ever_accuracy,fitness");
        assertThat(lines.size()).isBetween(2, 4);
        assertThat(Files.readString(svg)).startsWith("<svg").contains("<circle").endsWith("</svg>\n");
    }

    @Test
    void badCsvInputExitsTwoWithTheReason() throws Exception {
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "a,b,kind\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n");
        CliRunner.Result missing = CliRunner.run("neat", "--dataset", csv.toString(), "--label", "class");
        assertThat(missing.exitCode()).isEqualTo(Nas.BAD_INPUT);
        assertThat(missing.err()).contains("no label column 'class'; the columns are a, b, kind")
                .doesNotContain("Exception");
        Files.writeString(csv, "a,kind\n1,x\nnope,y\n");
        CliRunner.Result text = CliRunner.run("neat", "--dataset", csv.toString(), "--label", "kind");
        assertThat(text.exitCode()).isEqualTo(Nas.BAD_INPUT);
        assertThat(text.err()).contains(":3: column 'a' is not a finite number: 'nope'");
        Files.writeString(csv, "a,kind\n1,x\n2,x\n3,x\n4,x\n");
        assertThat(CliRunner.run("neat", "--dataset", csv.toString(), "--label", "kind").err())
                .contains("one class only");
        Files.writeString(csv, "a,kind\n1,x\n2,y\n");
        CliRunner.Result few = CliRunner.run("neat", "--dataset", csv.toString(), "--label", "kind");
        assertThat(few.exitCode()).isEqualTo(Nas.BAD_INPUT);
        assertThat(few.err()).contains("the data set has 2 rows, fewer than the 4");
        assertThat(CliRunner.run("neat", "--dataset", "moons").err()).contains("unknown data set 'moons'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchTunesNeatClassifyAndStoresTheBestGenome() {
        String db = dir.resolve("s").toString();
        CliRunner.Result s = CliRunner.run("search", "--study", "nc", "--objective", "neat-classify", "-O",
                "dataset=xor", "-O", "generations=4", "-O", "population-size=20", "-O", "threads=2", "--n-trials", "2",
                "--seed", "3", "--quiet", "--storage", db);
        assertThat(s.exitCode()).as(s.err()).isZero();
        CliRunner.Result t = CliRunner.run("trials", "--study", "nc", "--format", "json", "--storage", db);
        List<?> trials = (List<?>) Json.read(t.out());
        assertThat(trials).hasSize(2);
        for (Object o : trials) {
            Map<?, ?> trial = (Map<?, ?>) o;
            Map<?, ?> attrs = (Map<?, ?>) trial.get("user_attrs");
            NeatGenome best = NeatGenomeJson.fromMap((Map<?, ?>) attrs.get("best_genome"));
            double value = ((Number) ((List<?>) trial.get("values")).get(0)).doubleValue();
            assertThat(NeatClassifier.accuracy(best, NeatClassifyPlugin.load("xor", "label", 0.3, 42)))
                    .isEqualTo(value);
            Map<String, ?> params = (Map<String, ?>) trial.get("params");
            assertThat(params.keySet()).contains("add_node_rate", "learning_rate", "species_target_mode", "steps");
            // one intermediate value per generation, steps 0..generations-1
            assertThat(((Number) trial.get("last_step")).intValue())
                    .isEqualTo(((Number) attrs.get("generations_run")).intValue() - 1);
        }
        CliRunner.Result bad = CliRunner.run("search", "--study", "nc2", "--objective", "neat-classify", "-O",
                "dataset=missing.csv", "--n-trials", "1", "--storage", db);
        assertThat(bad.exitCode()).isEqualTo(Nas.BAD_INPUT);
        assertThat(bad.err()).contains("cannot read CSV file missing.csv");
    }
}
