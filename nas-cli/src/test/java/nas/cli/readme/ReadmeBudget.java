package nas.cli.readme;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the README's commands small when the doc test runs them: each budget option written in a
 * command is lowered to a cap (never raised), everything else runs as written. The caps keep every
 * number the README shows for small studies exact (200 trials run in full) and turn long runs into
 * short ones of the same shape.
 */
public final class ReadmeBudget {

    /** A budget option (its spellings) and its cap. */
    record Cap(Pattern pattern, int max) {
    }

    /** The options that are capped; "-O key=N", "--set key=N" and "--option N" forms alike. */
    static final List<Cap> CAPS = List.of(
            cap("--n-trials|--max-trials", 200),
            cap("--generations|-g|generations", 2),
            cap("--population-size|-p|population-size|population_size", 40),
            cap("--seeds|-s|seeds", 1),
            cap("--warmup|-w", 1));

    private ReadmeBudget() {
    }

    private static Cap cap(String names, int max) {
        // an option word preceded by a space, '=' or start, then ' N' or '=N'
        return new Cap(Pattern.compile("(?<=^|[\\s=])(" + names + ")([ =])(\\d+)(?=\\s|$|\\\\)", Pattern.MULTILINE), max);
    }

    /** {@code script} with every budget option lowered to its cap. */
    public static String capped(String script) {
        String out = script;
        for (Cap cap : CAPS) {
            Matcher m = cap.pattern().matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                long value = Long.parseLong(m.group(3));
                String replacement = m.group(1) + m.group(2) + Math.min(value, cap.max());
                m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(sb);
            out = sb.toString();
        }
        return out;
    }
}
