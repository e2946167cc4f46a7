package nas.api.objective.external;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nas.api.json.Json;

/**
 * The configuration file a trial's program reads: the trial's parameters (dots in a name nest it,
 * {@code optimizer.lr} → {@code {"optimizer": {"lr": ...}}}), alone as JSON, merged into a JSON
 * template, or put into a text template (YAML, TOML, command-line flags) at its {@code {{name}}} marks.
 */
final class TrialConfig {

    private static final Pattern MARK = Pattern.compile("\\{\\{\\s*([^}\\s]+)\\s*}}");

    private final Path template;
    private final String templateText;

    private TrialConfig(Path template, String templateText) {
        this.template = template;
        this.templateText = templateText;
    }

    /** A config written from the parameters alone. */
    static TrialConfig plain() {
        return new TrialConfig(null, null);
    }

    /**
     * A config made from a template file, read now so a missing or malformed template is refused before any
     * trial runs.
     */
    static TrialConfig fromTemplate(Path template) {
        String text;
        try {
            text = Files.readString(template);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config template " + template + ": "
                    + nas.api.FileErrors.reason(e));
        }
        if (isJson(template)) {
            Object root;
            try {
                root = Json.read(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("config template " + template + ": " + e.getMessage());
            }
            if (!(root instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("config template " + template + " must hold a JSON object");
            }
        }
        return new TrialConfig(template, text);
    }

    /** The names the text template marks with {@code {{name}}}; empty for JSON and plain configs. */
    java.util.Set<String> marks() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        if (templateText != null && !isJson(template)) {
            Matcher m = MARK.matcher(templateText);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The file's text for these parameters (external values, by name). */
    String render(Map<String, Object> params) {
        if (template == null) {
            return pretty(nest(params));
        }
        if (isJson(template)) {
            Map<String, Object> merged = mutableCopy((Map<?, ?>) Json.read(templateText));
            mergeInto(merged, nest(params));
            return pretty(merged);
        }
        Matcher m = MARK.matcher(templateText);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!params.containsKey(name)) {
                throw new IllegalArgumentException("config template " + template + " marks {{" + name
                        + "}}, which is not a parameter (parameters: " + params.keySet() + ")");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(params.get(name))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String pretty(Object value) {
        try {
            return Json.writePretty(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the config cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /** Dotted names as nested objects: {@code a.b=1, a.c=2} → {@code {"a": {"b": 1, "c": 2}}}. */
    static Map<String, Object> nest(Map<String, Object> params) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            String[] path = e.getKey().split("\\.");
            Map<String, Object> node = root;
            for (int i = 0; i < path.length - 1; i++) {
                Object child = node.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
                if (!(child instanceof Map<?, ?>)) {
                    throw new IllegalArgumentException("parameter '" + e.getKey() + "' nests under '" + path[i]
                            + "', which is itself a parameter");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) child;
                node = next;
            }
            if (node.get(path[path.length - 1]) instanceof Map<?, ?>) {
                throw new IllegalArgumentException("parameter '" + e.getKey() + "' is also the parent of other parameters");
            }
            node.put(path[path.length - 1], e.getValue());
        }
        return root;
    }

    @SuppressWarnings("unchecked")
    private static void mergeInto(Map<String, Object> target, Map<String, Object> values) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> sub && target.get(e.getKey()) instanceof Map<?, ?>) {
                mergeInto((Map<String, Object>) target.get(e.getKey()), (Map<String, Object>) sub);
            } else {
                target.put(e.getKey(), e.getValue());
            }
        }
    }

    private static Map<String, Object> mutableCopy(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v instanceof Map<?, ?> m ? mutableCopy(m) : v));
        return out;
    }

    private static boolean isJson(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
    }
}
