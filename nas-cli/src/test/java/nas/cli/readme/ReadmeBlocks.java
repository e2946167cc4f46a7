package nas.cli.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fenced blocks of a Markdown file that the README doc test runs (README.md and docs/*.md).
 *
 * <ul>
 *   <li>{@code ```sh} and {@code ```bash} blocks are <b>scripts</b>: run as written, in order, in one
 *       working directory, and must exit 0 (background jobs started with {@code &} included);</li>
 *   <li>{@code ```text} (or {@code ```console}) blocks whose first line starts with {@code "$ "} are
 *       <b>transcripts</b>: each {@code $ command} is run and its stdout must match the lines under it,
 *       where a line {@code ...} stands for any number of lines and a line ending in {@code ...} for any
 *       line that starts with the text before it;</li>
 *   <li>every other block (java, json, text without {@code $}) is shown only;</li>
 *   <li>a script preceded by the line {@code <!-- readme-test: skip REASON -->} is not run (the
 *       comment is invisible on the rendered page).</li>
 * </ul>
 */
public final class ReadmeBlocks {

    /** What the test does with a block. */
    public enum Kind { SCRIPT, TRANSCRIPT, SKIPPED }

    /** One fenced block: where it starts (1-based line of its fence), what it is, its text. */
    public record Block(int line, Kind kind, String text, String skipReason) {
    }

    /** One command of a transcript and the stdout lines shown under it. */
    public record Step(String command, List<String> expected) {
    }

    private static final Pattern FENCE = Pattern.compile("^```\\s*([A-Za-z0-9_+-]*).*$");
    private static final Pattern SKIP = Pattern.compile("^<!--\\s*readme-test:\\s*skip\\b(.*?)-->\\s*$");

    private ReadmeBlocks() {
    }

    /**
     * The files whose blocks the doc test runs, in the order it runs them: README.md, then the Markdown files
     * under docs/ by name.
     */
    public static List<Path> documents(Path root) throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(root.resolve("README.md"));
        Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> files = Files.list(docs)) {
                files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().forEach(documents::add);
            }
        }
        return documents;
    }

    /** The blocks of {@code markdown}, in order. */
    public static List<Block> parse(String markdown) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        String skipReason = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher skip = SKIP.matcher(lines[i].trim());
            if (skip.matches()) {
                skipReason = skip.group(1).trim();
                if (skipReason.isEmpty()) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": a readme-test skip needs a reason");
                }
                continue;
            }
            Matcher fence = FENCE.matcher(lines[i]);
            if (!fence.matches()) {
                if (!lines[i].isBlank()) {
                    skipReason = null; // a skip marker applies to the block right after it only
                }
                continue;
            }
            String language = fence.group(1).toLowerCase(Locale.ROOT);
            int start = i;
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
                text.append(lines[i]).append('\n');
            }
            if (i == lines.length) {
                throw new IllegalArgumentException("line " + (start + 1) + ": unclosed ``` block");
            }
            String body = text.toString();
            Kind kind;
            if (language.equals("sh") || language.equals("bash")) {
                kind = skipReason == null ? Kind.SCRIPT : Kind.SKIPPED;
            } else if ((language.equals("text") || language.equals("console")) && body.startsWith("$ ")) {
                kind = skipReason == null ? Kind.TRANSCRIPT : Kind.SKIPPED;
            } else {
                kind = Kind.SKIPPED;
                if (skipReason == null) {
                    skipReason = "not a command block (" + (language.isEmpty() ? "no language" : language) + ")";
                }
            }
            blocks.add(new Block(start + 1, kind, body, skipReason));
            skipReason = null;
        }
        return blocks;
    }

    /** The commands of a transcript block and the output each must print. */
    public static List<Step> steps(String transcript) {
        List<Step> steps = new ArrayList<>();
        String command = null;
        List<String> expected = new ArrayList<>();
        for (String line : transcript.split("\n")) {
            if (line.startsWith("$ ")) {
                if (command != null) {
                    steps.add(new Step(command, List.copyOf(expected)));
                }
                command = line.substring(2);
                expected.clear();
            } else if (command != null) {
                expected.add(line);
            }
        }
        if (command != null) {
            steps.add(new Step(command, List.copyOf(expected)));
        }
        return steps;
    }

    /**
     * Whether {@code actual} (a command's stdout lines) matches {@code expected}: lines equal, except that
     * a line {@code ...} matches any number of lines and a line ending in {@code ...} any line starting
     * with the text before it.
     */
    public static boolean matches(List<String> expected, List<String> actual) {
        return matches(expected, 0, actual, 0);
    }

    private static boolean matches(List<String> expected, int e, List<String> actual, int a) {
        if (e == expected.size()) {
            return a == actual.size();
        }
        String pattern = expected.get(e).stripTrailing();
        if (pattern.strip().equals("...")) {
            for (int skip = a; skip <= actual.size(); skip++) {
                if (matches(expected, e + 1, actual, skip)) {
                    return true;
                }
            }
            return false;
        }
        if (a == actual.size()) {
            return false;
        }
        String line = actual.get(a).stripTrailing();
        boolean same = pattern.endsWith("...")
                ? line.startsWith(pattern.substring(0, pattern.length() - 3))
                : line.equals(pattern);
        return same && matches(expected, e + 1, actual, a + 1);
    }
}
