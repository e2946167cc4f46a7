package nas.ga.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * A line chart written as PNG with the JDK's own imaging (no plotting library): a title, labelled axes with
 * round ticks, a linear or logarithmic y axis, and a legend to the right of the plot. NaN values break a line.
 */
public final class LineChart {

    /** Left, top, right (legend) and bottom margins around the plot area, in pixels. */
    private static final int LEFT = 78;
    private static final int TOP = 42;
    private static final int RIGHT = 200;
    private static final int BOTTOM = 54;

    /**
     * One line.
     *
     * @param name   its legend entry
     * @param color  its colour
     * @param dashed drawn dashed instead of solid
     * @param x      x values, increasing
     * @param y      y values (NaN: no point; positive only on a logarithmic axis)
     */
    public record Series(String name, Color color, boolean dashed, double[] x, double[] y) {
        /**
         * Checks that every x has its y.
         *
         * @param name   its legend entry
         * @param color  its colour
         * @param dashed drawn dashed instead of solid
         * @param x      x values, increasing
         * @param y      y values
         */
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException(name + ": " + x.length + " x values but " + y.length + " y values");
            }
        }
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logY;
    private final List<Series> series = new ArrayList<>();

    /**
     * An empty chart; {@code logY} draws the y axis in decades.
     *
     * @param title the title above the plot
     * @param xLabel the x axis's label
     * @param yLabel the y axis's label
     * @param logY a logarithmic y axis
     */
    public LineChart(String title, String xLabel, String yLabel, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logY = logY;
    }

    /**
     * Adds a line and returns this chart.
     *
     * @param s the line
     * @return this chart
     */
    public LineChart add(Series s) {
        series.add(s);
        return this;
    }

    /**
     * The lines, in legend order.
     *
     * @return the lines
     */
    public List<Series> series() {
        return List.copyOf(series);
    }

    /**
     * Writes the chart as a PNG of {@code width} x {@code height} pixels.
     *
     * @param file the PNG file (its directory is created)
     * @param width image width in pixels
     * @param height image height in pixels
     * @throws IOException when the file cannot be written
     */
    public void write(Path file, int width, int height) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageIO.write(render(width, height), "png", file.toFile());
    }

    /**
     * The x range [min, max] the plot area spans: the data's own (the runs share their x).
     *
     * @return {min, max}
     */
    public double[] xRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                if (!Double.isNaN(s.y[i])) {
                    lo = Math.min(lo, s.x[i]);
                    hi = Math.max(hi, s.x[i]);
                }
            }
        }
        return lo < hi ? new double[] {lo, hi} : new double[] {lo - 1, lo + 1};
    }

    /**
     * The y range [min, max] the plot area spans: the data's padded by 5% (linear), or the enclosing decades
     * (logarithmic).
     *
     * @return {min, max}
     */
    public double[] yRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.y) {
                if (!Double.isNaN(v) && (!logY || v > 0)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (logY) {
            double a = Math.floor(Math.log10(lo));
            double b = Math.ceil(Math.log10(hi));
            return new double[] {Math.pow(10, a), Math.pow(10, b > a ? b : a + 1)};
        }
        if (!(lo < hi)) {
            return new double[] {lo - 1, lo + 1};
        }
        double pad = 0.05 * (hi - lo);
        return new double[] {lo - pad, hi + pad};
    }

    /**
     * Where the data point (x, y) is drawn in an image of {@code width} x {@code height} pixels.
     *
     * @param x the x value
     * @param y the y value
     * @param width image width in pixels
     * @param height image height in pixels
     * @return {x, y} in pixels, y down from the top
     */
    public double[] pixel(double x, double y, int width, int height) {
        double[] xr = xRange();
        double[] yr = yRange();
        double fx = (x - xr[0]) / (xr[1] - xr[0]);
        double fy = logY ? (Math.log10(y) - Math.log10(yr[0])) / (Math.log10(yr[1]) - Math.log10(yr[0]))
                : (y - yr[0]) / (yr[1] - yr[0]);
        return new double[] {LEFT + fx * (width - LEFT - RIGHT), height - BOTTOM - fy * (height - TOP - BOTTOM)};
    }

    /**
     * Round tick values within [lo, hi]: about {@code target} of them at a step of 1, 2 or 5 times a power of
     * ten.
     */
    static List<Double> linearTicks(double lo, double hi, int target) {
        double raw = (hi - lo) / target;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = power;
        for (double m : new double[] {1, 2, 5, 10}) {
            step = m * power;
            if (step >= raw) {
                break;
            }
        }
        List<Double> ticks = new ArrayList<>();
        for (long k = (long) Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
            // k·step rounded to 12 significant digits, so 3 x 0.1 reads 0.3
            ticks.add(k == 0 ? 0.0 : new BigDecimal(k * step).round(new MathContext(12)).doubleValue());
        }
        return ticks;
    }

    /** The powers of ten within [lo, hi]. */
    static List<Double> decadeTicks(double lo, double hi) {
        List<Double> ticks = new ArrayList<>();
        for (long e = Math.round(Math.log10(lo)); e <= Math.round(Math.log10(hi)); e++) {
            ticks.add(Math.pow(10, e));
        }
        return ticks;
    }

    static String label(double v, boolean decade) {
        if (decade) {
            long e = Math.round(Math.log10(v));
            return e >= 0 && e <= 3 ? String.valueOf((long) Math.pow(10, e)) : "1e" + e;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    BufferedImage render(int width, int height) {
        if (series.isEmpty()) {
            throw new IllegalStateException("a chart needs at least one series");
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int right = width - RIGHT;
        int bottom = height - BOTTOM;
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        g.setFont(small);
        FontMetrics fm = g.getFontMetrics();
        double[] xr = xRange();
        double[] yr = yRange();
        // grid and tick labels
        for (double t : linearTicks(xr[0], xr[1], 6)) {
            int px = (int) Math.round(pixel(t, logY ? yr[0] : 0, width, height)[0]);
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(px, TOP, px, bottom);
            g.setColor(Color.DARK_GRAY);
            String s = label(t, false);
            g.drawString(s, px - fm.stringWidth(s) / 2, bottom + fm.getAscent() + 6);
        }
        for (double t : logY ? decadeTicks(yr[0], yr[1]) : linearTicks(yr[0], yr[1], 6)) {
            int py = (int) Math.round(pixel(xr[0], t, width, height)[1]);
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(LEFT, py, right, py);
            g.setColor(Color.DARK_GRAY);
            String s = label(t, logY);
            g.drawString(s, LEFT - 8 - fm.stringWidth(s), py + fm.getAscent() / 2 - 1);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, right - LEFT, bottom - TOP);
        // axis labels and title
        g.drawString(xLabel, (LEFT + right - fm.stringWidth(xLabel)) / 2, height - 12);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(TOP + bottom + fm.stringWidth(yLabel)) / 2, 20);
        g.setTransform(saved);
        g.setFont(small.deriveFont(Font.BOLD, 15f));
        g.drawString(title, LEFT, TOP - 14);
        g.setFont(small);
        // lines, clipped to the plot area
        g.setClip(LEFT, TOP, right - LEFT + 1, bottom - TOP + 1);
        for (Series s : series) {
            g.setColor(s.color);
            g.setStroke(stroke(s.dashed));
            g.draw(path(s, width, height));
        }
        g.setClip(null);
        // legend
        int y = TOP + 8;
        for (Series s : series) {
            g.setColor(s.color);
            g.setStroke(stroke(s.dashed));
            g.drawLine(right + 12, y, right + 38, y);
            g.setColor(Color.BLACK);
            g.drawString(s.name, right + 44, y + fm.getAscent() / 2 - 1);
            y += fm.getHeight() + 6;
        }
        g.dispose();
        return img;
    }

    private static BasicStroke stroke(boolean dashed) {
        return dashed ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 5f}, 0f)
                : new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    private Path2D path(Series s, int width, int height) {
        Path2D.Double p = new Path2D.Double();
        boolean open = false;
        for (int i = 0; i < s.x.length; i++) {
            if (Double.isNaN(s.y[i]) || (logY && !(s.y[i] > 0))) {
                open = false;
                continue;
            }
            double[] q = pixel(s.x[i], s.y[i], width, height);
            if (open) {
                p.lineTo(q[0], q[1]);
            } else {
                p.moveTo(q[0], q[1]);
                open = true;
            }
        }
        return p;
    }
}
