package nas.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns; numbers are right-aligned. */
public final class TextTable {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    public TextTable row(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells for " + headers.size() + " columns");
        }
        rows.add(cells.stream().map(TextTable::oneLine).toList());
        return this;
    }

    /**
     * A cell on one line: a line break or tab inside a value (a categorical choice, a fail reason) is shown as
     * {@code \n}, {@code \r} or {@code \t}, so the row does not break the table's columns.
     */
    static String oneLine(String cell) {
        if (cell == null) {
            return "";
        }
        if (cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0 && cell.indexOf('\t') < 0) {
            return cell;
        }
        return cell.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public void print(PrintWriter out) {
        int n = headers.size();
        int[] width = new int[n];
        boolean[] numeric = new boolean[n];
        for (int c = 0; c < n; c++) {
            width[c] = headers.get(c).length();
            numeric[c] = !rows.isEmpty();
        }
        for (List<String> r : rows) {
            for (int c = 0; c < n; c++) {
                width[c] = Math.max(width[c], r.get(c).length());
                if (!r.get(c).isEmpty() && !isNumber(r.get(c))) {
                    numeric[c] = false;
                }
            }
        }
        line(out, headers, width, numeric);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < n; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        }
        out.println(rule);
        for (List<String> r : rows) {
            line(out, r, width, numeric);
        }
        out.flush();
    }

    private static void line(PrintWriter out, List<String> cells, int[] width, boolean[] numeric) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            if (c > 0) {
                b.append("  ");
            }
            String pad = " ".repeat(width[c] - cell.length());
            b.append(numeric[c] ? pad + cell : (c == cells.size() - 1 ? cell : cell + pad));
        }
        out.println(b.toString().stripTrailing());
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Compact formatting of a number for tables (6 significant digits). */
    public static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        String s = String.format(java.util.Locale.ROOT, "%.6g", v);
        if (s.contains("e") || s.contains("E")) {
            return s;
        }
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s;
    }

    /**
     * How many decimals show the largest magnitude among {@code values} (nulls, NaN and infinities left out) with
     * {@code significant} digits, from 0 to {@code max}: 98.18 and 4 digits give 2, 12345.6 gives 0, 0.0123 gives 4
     * (at most {@code max}). A column formatted with it ({@link #fixed}) has its decimal points aligned.
     */
    public static int decimals(Iterable<?> values, int significant, int max) {
        double largest = 0;
        for (Object v : values) {
            if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
                largest = Math.max(largest, Math.abs(n.doubleValue()));
            }
        }
        if (largest == 0) {
            return 0;
        }
        int integerDigits = (int) Math.floor(Math.log10(largest)) + 1;
        return Math.max(0, Math.min(max, significant - integerDigits));
    }

    /** {@code v} with {@code decimals} decimals ("" for null, NaN and infinities as Java writes them, no "-0.00"). */
    public static String fixed(Object v, int decimals) {
        if (v == null) {
            return "";
        }
        double d = ((Number) v).doubleValue();
        if (!Double.isFinite(d)) {
            return String.valueOf(d);
        }
        String s = String.format(java.util.Locale.ROOT, "%." + decimals + "f", d);
        return s.startsWith("-") && s.chars().noneMatch(c -> c >= '1' && c <= '9') ? s.substring(1) : s;
    }

    /** A value as people read it: numbers compactly, the rest as text. */
    public static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return num(d);
        }
        return String.valueOf(v);
    }
}
