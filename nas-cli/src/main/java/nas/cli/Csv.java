package nas.cli;

import java.io.PrintWriter;
import java.util.List;

/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted. */
public final class Csv {

    private Csv() {
    }

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

    static String field(Object v) {
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

    /** Shortest exact text of a double (what programs want back). */
    static String repr(double d) {
        return Double.toString(d);
    }
}
