package nas.api.export;

import java.io.PrintWriter;
import java.util.List;

/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted; doubles in their shortest exact text. */
public final class Csv {

    private Csv() {
    }

    /**
     * Writes one row and a line separator.
     *
     * @param out   where the row goes
     * @param cells the cells, in column order; null is an empty field
     */
    public static void row(PrintWriter out, List<?> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(field(cells.get(i)));
        }
        out.println(b);
    }

    /**
     * One field as written in a row.
     *
     * @param v the cell's value; null is an empty field
     * @return the field's text, quoted when it holds a comma, a quote or a line break
     */
    public static String field(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Number) {
            // no number's text has a comma, quote or line break
            return v instanceof Double d ? repr(d) : v.toString();
        }
        String s = String.valueOf(v);
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /**
     * The shortest text that reads back as exactly {@code d} (what programs want back).
     *
     * @param d a number
     * @return its text
     */
    public static String repr(double d) {
        return Double.toString(d);
    }
}
