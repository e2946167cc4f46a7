package nas.neat.learn;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import nas.neat.NeatGenome;
import nas.neat.data.Dataset;
import nas.neat.data.Split;

/**
 * A picture of a two-feature classifier: the plane coloured by the predicted class (lighter where the network
 * is less sure), the training rows as filled dots and the validation rows as rings, in the data's own
 * (unstandardised) coordinates. Written as PNG or SVG by the file name's extension.
 */
public final class DecisionBoundary {

    private static final Color[] CLASS_COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b)};
    private static final int CELLS = 120;

    private final double[] predicted;
    private final int[] predictedClass;
    private final double minX;
    private final double maxX;
    private final double minY;
    private final double maxY;
    private final Split data;

    private DecisionBoundary(Split data, double minX, double maxX, double minY, double maxY, int[] cls,
                             double[] confidence) {
        this.data = data;
        this.minX = minX;
        this.maxX = maxX;
        this.minY = minY;
        this.maxY = maxY;
        this.predictedClass = cls;
        this.predicted = confidence;
    }

    /**
     * Evaluates {@code genome} on a {@value #CELLS} x {@value #CELLS} grid over the data's range plus a margin.
     *
     * @throws IllegalArgumentException unless the data has exactly two features
     */
    public static DecisionBoundary of(NeatGenome genome, Split data) {
        if (data.train().featureCount() != 2) {
            throw new IllegalArgumentException("a decision-boundary picture needs two features, the data has "
                    + data.train().featureCount());
        }
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (Dataset d : List.of(data.train(), data.validation())) {
            for (int i = 0; i < d.size(); i++) {
                double x = d.feature(i, 0) * data.std()[0] + data.mean()[0];
                double y = d.feature(i, 1) * data.std()[1] + data.mean()[1];
                range[0] = Math.min(range[0], x);
                range[1] = Math.max(range[1], x);
                range[2] = Math.min(range[2], y);
                range[3] = Math.max(range[3], y);
            }
        }
        double mx = 0.1 * (range[1] - range[0]) + 1e-9;
        double my = 0.1 * (range[3] - range[2]) + 1e-9;
        double minX = range[0] - mx;
        double maxX = range[1] + mx;
        double minY = range[2] - my;
        double maxY = range[3] + my;
        double[] grid = new double[CELLS * CELLS * 2];
        double[] raw = new double[2];
        double[] std = new double[2];
        for (int r = 0; r < CELLS; r++) {
            for (int c = 0; c < CELLS; c++) {
                raw[0] = minX + (c + 0.5) / CELLS * (maxX - minX);
                raw[1] = maxY - (r + 0.5) / CELLS * (maxY - minY);
                data.standardise(raw, std);
                grid[2 * (r * CELLS + c)] = std[0];
                grid[2 * (r * CELLS + c) + 1] = std[1];
            }
        }
        Dataset cells = new Dataset(grid, new int[CELLS * CELLS], 2, data.train().classNames());
        DagNetwork net = DagNetwork.compile(genome);
        net.forward(cells);
        int[] cls = new int[CELLS * CELLS];
        double[] confidence = new double[CELLS * CELLS];
        for (int i = 0; i < cls.length; i++) {
            cls[i] = net.argmax(i);
            double sum = 0;
            double top = net.logit(i, cls[i]);
            for (int o = 0; o < net.outputCount(); o++) {
                sum += Math.exp(net.logit(i, o) - top);
            }
            confidence[i] = 1.0 / sum;
        }
        return new DecisionBoundary(data, minX, maxX, minY, maxY, cls, confidence);
    }

    /** Writes the picture as PNG ({@code .png}) or SVG (any other name). */
    public void write(Path file, int pixels) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            ImageIO.write(png(pixels), "png", file.toFile());
        } else {
            Files.writeString(file, svg(pixels), StandardCharsets.UTF_8);
        }
    }

    private static Color shade(Color c, double confidence, int classes) {
        // confidence 1/classes (a guess) -> almost white, 1 -> a light tint of the class colour
        double t = Math.max(0, Math.min(1, (confidence - 1.0 / classes) / (1 - 1.0 / classes)));
        double a = 0.15 + 0.45 * t;
        return new Color((int) (255 + a * (c.getRed() - 255)), (int) (255 + a * (c.getGreen() - 255)),
                (int) (255 + a * (c.getBlue() - 255)));
    }

    private BufferedImage png(int pixels) {
        BufferedImage img = new BufferedImage(pixels, pixels, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int classes = data.train().classCount();
        for (int r = 0; r < CELLS; r++) {
            for (int c = 0; c < CELLS; c++) {
                int i = r * CELLS + c;
                g.setColor(shade(color(predictedClass[i]), predicted[i], classes));
                int x0 = c * pixels / CELLS;
                int y0 = r * pixels / CELLS;
                g.fillRect(x0, y0, (c + 1) * pixels / CELLS - x0, (r + 1) * pixels / CELLS - y0);
            }
        }
        double dot = Math.max(4, pixels / 90.0);
        g.setStroke(new BasicStroke((float) Math.max(1.5, dot / 3)));
        for (boolean validation : new boolean[] {false, true}) {
            Dataset d = validation ? data.validation() : data.train();
            for (int i = 0; i < d.size(); i++) {
                double[] p = pixel(d, i, pixels);
                g.setColor(color(d.labels()[i]));
                int x = (int) Math.round(p[0] - dot / 2);
                int y = (int) Math.round(p[1] - dot / 2);
                if (validation) {
                    g.drawOval(x - 1, y - 1, (int) dot + 2, (int) dot + 2);
                } else {
                    g.fillOval(x, y, (int) dot, (int) dot);
                }
            }
        }
        g.dispose();
        return img;
    }

    private String svg(int pixels) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" shape-rendering=\"crispEdges\">%n", pixels, pixels, pixels, pixels));
        double cell = pixels / (double) CELLS;
        int classes = data.train().classCount();
        for (int r = 0; r < CELLS; r++) {
            for (int c = 0; c < CELLS; c++) {
                int i = r * CELLS + c;
                Color col = shade(color(predictedClass[i]), predicted[i], classes);
                s.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
                        + "fill=\"#%06x\"/>%n", c * cell, r * cell, cell + 0.05, cell + 0.05, col.getRGB() & 0xffffff));
            }
        }
        double radius = Math.max(2, pixels / 180.0);
        for (boolean validation : new boolean[] {false, true}) {
            Dataset d = validation ? data.validation() : data.train();
            for (int i = 0; i < d.size(); i++) {
                double[] p = pixel(d, i, pixels);
                String hex = String.format("#%06x", color(d.labels()[i]).getRGB() & 0xffffff);
                s.append(String.format(Locale.ROOT, validation
                        ? "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>%n"
                        : "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>%n", p[0], p[1], radius, hex));
            }
        }
        return s.append("</svg>\n").toString();
    }

    private double[] pixel(Dataset d, int i, int pixels) {
        double x = d.feature(i, 0) * data.std()[0] + data.mean()[0];
        double y = d.feature(i, 1) * data.std()[1] + data.mean()[1];
        return new double[] {(x - minX) / (maxX - minX) * pixels, (maxY - y) / (maxY - minY) * pixels};
    }

    private static Color color(int cls) {
        return CLASS_COLORS[cls % CLASS_COLORS.length];
    }

    /** Share of grid cells predicted as class {@code cls} (for tests and summaries). */
    public double share(int cls) {
        int n = 0;
        for (int c : predictedClass) {
            n += c == cls ? 1 : 0;
        }
        return n / (double) predictedClass.length;
    }
}
