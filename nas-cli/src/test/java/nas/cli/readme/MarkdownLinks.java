package nas.cli.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relative links of Markdown files and whether they lead somewhere: the file exists, and an
 * {@code #anchor} is the id GitHub gives one of the target's headings.
 */
public final class MarkdownLinks {

    /** One link: the file and line it is on, and its target as written. */
    public record Link(Path file, int line, String target) {
        @Override
        public String toString() {
            return file.getFileName() + " line " + line + ": (" + target + ")";
        }
    }

    /** {@code [text](target)} and {@code ![alt](target)}, with an optional title after the target. */
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`+[^`]*`+");
    private static final Pattern EXTERNAL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private MarkdownLinks() {
    }

    /** The relative links and anchors of {@code file} (external URLs left out), outside code blocks and spans. */
    public static List<Link> links(Path file) throws IOException {
        List<Link> links = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            Matcher m = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
            while (m.find()) {
                String target = m.group(1);
                if (!EXTERNAL.matcher(target).find()) {
                    links.add(new Link(file, i + 1, target));
                }
            }
        }
        return links;
    }

    /** The ids GitHub gives the headings of {@code markdown}, in order (a repeated id gets -1, -2, ...). */
    public static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher h = HEADING.matcher(line);
            if (fenced || !h.matches()) {
                continue;
            }
            String slug = slug(h.group(2));
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(n == 0 ? slug : slug + "-" + n);
        }
        return anchors;
    }

    /**
     * GitHub's id for a heading: its text as rendered (code marks and link targets dropped), lower case,
     * every character but letters, digits, spaces, '-' and '_' removed, each space a '-'.
     */
    public static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "");
        return text.strip().toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
                .replace(' ', '-');
    }

    /** Why {@code link} leads nowhere, or null when it leads to an existing file (and heading) under {@code root}. */
    public static String problem(Link link, Path root) throws IOException {
        String target = link.target();
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path to = path.isEmpty() ? link.file() : link.file().toAbsolutePath().getParent().resolve(path).normalize();
        if (!to.startsWith(root.toAbsolutePath().normalize())) {
            return "leads outside the repository";
        }
        if (!Files.exists(to)) {
            return "no such file " + root.toAbsolutePath().normalize().relativize(to);
        }
        if (anchor == null) {
            return null;
        }
        if (!to.getFileName().toString().endsWith(".md")) {
            return "an anchor into a file that is not Markdown";
        }
        Set<String> anchors = anchors(Files.readString(to));
        return anchors.contains(anchor) ? null : "no heading with the id '" + anchor + "' in " + to.getFileName();
    }
}
