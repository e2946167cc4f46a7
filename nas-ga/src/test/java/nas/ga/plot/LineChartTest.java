package nas.ga.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {

    private static final Color RED = new Color(0xd62728);
    private static final Color BLUE = new Color(0x1f77b4);

    @Test
    void ticksAreRoundAndCoverTheRange() {
        assertThat(LineChart.linearTicks(0, 20_000, 6)).containsExactly(0.0, 5000.0, 10_000.0, 15_000.0, 20_000.0);
        assertThat(LineChart.linearTicks(-0.03, 0.47, 6)).containsExactly(0.0, 0.1, 0.2, 0.3, 0.4);
        assertThat(LineChart.decadeTicks(1e-4, 10)).containsExactly(1e-4, 1e-3, 1e-2, 1e-1, 1.0, 10.0);
        assertThat(LineChart.label(20_000, false)).isEqualTo("20,000");
        assertThat(LineChart.label(0.15, false)).isEqualTo("0.15");
        assertThat(LineChart.label(1e-3, true)).isEqualTo("1e-3");
        assertThat(LineChart.label(100, true)).isEqualTo("100");
    }

    @Test
    void aLogAxisSpansTheEnclosingDecadesAndPlacesEachDecadeEvenly() {
        LineChart chart = new LineChart("t", "x", "y", true)
                .add(new LineChart.Series("a", RED, false, new double[] {0, 10, 20}, new double[] {2.3, 0.05, 3e-4}));
        assertThat(chart.yRange()).containsExactly(1e-4, 10.0);
        assertThat(chart.xRange()).containsExactly(0.0, 20.0);
        double[] top = chart.pixel(0, 10, 1000, 520);
        double[] bottom = chart.pixel(20, 1e-4, 1000, 520);
        double[] one = chart.pixel(10, 1, 1000, 520);
        // plot area 78..800 x 42..466 (margins 78/200 and 42/54)
        assertThat(top).containsExactly(new double[] {78, 42}, within(1e-9));
        assertThat(bottom).containsExactly(new double[] {800, 466}, within(1e-9));
        // 1 is one decade below 10 out of five: a fifth of the way down
        assertThat(one[1]).isCloseTo(42 + 424 / 5.0, within(1e-9));
        assertThat(one[0]).isCloseTo(439, within(1e-9));
    }

    @Test
    void aLinearAxisPadsTheDataByFivePercent() {
        LineChart chart = new LineChart("t", "x", "y", false)
                .add(new LineChart.Series("a", RED, false, new double[] {0, 1}, new double[] {10, 30}))
                .add(new LineChart.Series("b", BLUE, true, new double[] {0, 1}, new double[] {20, Double.NaN}));
        assertThat(chart.yRange()).containsExactly(9.0, 31.0);
    }

    @Test
    void theWrittenPngShowsEachLineInItsColourWhereItsPointsAre(@TempDir Path dir) throws Exception {
        // a flat red line at y = 1 and a flat blue one at y = 3, over x 0..100
        LineChart chart = new LineChart("Two lines", "evaluations", "value", false)
                .add(new LineChart.Series("red", RED, false, new double[] {0, 50, 100}, new double[] {1, 1, 1}))
                .add(new LineChart.Series("blue", BLUE, false, new double[] {0, 50, 100}, new double[] {3, 3, 3}));
        Path file = dir.resolve("sub/chart.png");
        chart.write(file, 800, 400);
        BufferedImage img = ImageIO.read(file.toFile());
        assertThat(img.getWidth()).isEqualTo(800);
        assertThat(img.getHeight()).isEqualTo(400);
        double[] red = chart.pixel(50, 1, 800, 400);
        double[] blue = chart.pixel(50, 3, 800, 400);
        assertThat(drawnNear(img, red, RED)).isTrue();
        assertThat(drawnNear(img, blue, BLUE)).isTrue();
        assertThat(drawnNear(img, red, BLUE)).isFalse();
        assertThat(drawnNear(img, blue, RED)).isFalse();
        // halfway between the lines there is only the white background (or a light grid line)
        int between = rgb(img, chart.pixel(50, 2, 800, 400));
        assertThat(between & 0xff).isGreaterThan(200);
        assertThat((between >> 16) & 0xff).isGreaterThan(200);
        // the legend draws a sample of each line to the right of the plot area
        assertThat(drawnNear(img, new double[] {800 - 200 + 25, 42 + 8}, RED)).isTrue();
    }

    @Test
    void aNanBreaksTheLine(@TempDir Path dir) throws Exception {
        LineChart chart = new LineChart("gap", "x", "y", false)
                .add(new LineChart.Series("a", RED, false, new double[] {0, 1, 2, 3, 4},
                        new double[] {1, 1, Double.NaN, 1, 1}))
                .add(new LineChart.Series("b", BLUE, false, new double[] {0, 4}, new double[] {0, 0}));
        Path file = dir.resolve("gap.png");
        chart.write(file, 800, 400);
        BufferedImage img = ImageIO.read(file.toFile());
        assertThat(drawnNear(img, chart.pixel(0.5, 1, 800, 400), RED)).isTrue();
        assertThat(drawnNear(img, chart.pixel(1.5, 1, 800, 400), RED)).isFalse();
        assertThat(drawnNear(img, chart.pixel(2.5, 1, 800, 400), RED)).isFalse();
        assertThat(drawnNear(img, chart.pixel(3.5, 1, 800, 400), RED)).isTrue();
    }

    /** Whether a pixel of {@code color} lies within 2 pixels of {@code p} (a 2-pixel line is anti-aliased). */
    private static boolean drawnNear(BufferedImage img, double[] p, Color color) {
        for (int dx = -2; dx <= 2; dx++) {
            for (int dy = -2; dy <= 2; dy++) {
                if ((img.getRGB((int) Math.round(p[0]) + dx, (int) Math.round(p[1]) + dy) & 0xffffff)
                        == (color.getRGB() & 0xffffff)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int rgb(BufferedImage img, double[] p) {
        return img.getRGB((int) Math.round(p[0]), (int) Math.round(p[1])) & 0xffffff;
    }
}
