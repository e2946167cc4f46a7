package nas.cli.readme;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the README's commands small when the doc test runs them: each budget option written in a
 * command is lowered to a cap (never raised), everything else runs as written. The caps keep every
 * number the README shows for small studies exact (200 trials run in full) and turn long runs into
 * short ones of the same shape. A study whose results no transcript shows (see {@link #capped(String,
 * Set)}) runs at most {@value #UNSHOWN_TRIALS} trials: its command still runs with every option as
 * written, and nothing the README prints depends on its trial count.
 */
public final class ReadmeBudget {

    /** The trial cap of a study no transcript shows. */
    static final int UNSHOWN_TRIALS = 50;

    /** Where a command without {@code --storage} keeps its studies (the CLI's default, the doc test's environment). */
    static final String DEFAULT_STORAGE = "./nas-studies";

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

    private static final Pattern TRIALS = Pattern.compile(
            "(?<=^|[\\s=])(--n-trials|--max-trials)([ =])(\\d+)(?=\\s|$|\\\\)");
    private static final Pattern STUDY = Pattern.compile("(?<=^|\\s)--study[ =](\\S+)");
    private static final Pattern STORAGE = Pattern.compile("(?<=^|\\s)--storage[ =](\\S+)");

    /**
     * The study of one command (a line with its {@code \\}-continued lines) as "NAME@STORAGE", the storage as
     * written or {@link #DEFAULT_STORAGE}; empty when the command names no study.
     */
    static java.util.Optional<String> study(String command) {
        Matcher study = STUDY.matcher(command);
        if (!study.find()) {
            return java.util.Optional.empty();
        }
        Matcher storage = STORAGE.matcher(command);
        return java.util.Optional.of(study.group(1) + "@" + (storage.find() ? storage.group(1) : DEFAULT_STORAGE));
    }

    /**
     * {@code script} with every budget option lowered to its cap, and the trials of each command whose study
     * is not in {@code shown} (as {@link #study} names it) lowered to {@value #UNSHOWN_TRIALS}.
     */
    public static String capped(String script, Set<String> shown) {
        StringBuilder out = new StringBuilder();
        for (String command : script.split("(?<!\\\\)\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            String c = capped(command);
            java.util.Optional<String> study = study(c);
            if (study.isPresent() && !shown.contains(study.get())) {
                Matcher m = TRIALS.matcher(c);
                StringBuilder sb = new StringBuilder();
                while (m.find()) {
                    long value = Long.parseLong(m.group(3));
                    m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + m.group(2)
                            + Math.min(value, UNSHOWN_TRIALS)));
                }
                m.appendTail(sb);
                c = sb.toString();
            }
            out.append(c);
        }
        return out.toString();
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
