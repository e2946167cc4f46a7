package nas.api.objective.external;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nas.api.objective.external.ProgramFailure.Kind;

/**
 * The score read from a file the program writes ({@code -O result-file=summary.json}): one key per
 * objective value ({@code -O result-key=losses}; dots descend into objects, a leading {@code /} makes it a
 * JSON pointer), reduced to a number ({@code -O result-reduce=mean-last:3}).
 *
 * @param file   the file, relative to the run's directory
 * @param keys   where each value sits in the file
 * @param reduce how a list becomes one number
 */
record ResultFile(String file, List<String> keys, Reduce reduce) {

    /** Reads NaN and Infinity too (Python's json writes them), so they fail as NaN rather than as malformed. */
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /** How a list of numbers becomes the value; a single number is taken as it is. */
    record Reduce(String name, int n) {

        static Reduce parse(String text) {
            String t = text.trim();
            if (t.equals("last") || t.equals("min") || t.equals("max") || t.equals("mean")) {
                return new Reduce(t, 0);
            }
            if (t.startsWith("mean-last:")) {
                try {
                    int n = Integer.parseInt(t.substring("mean-last:".length()));
                    if (n >= 1) {
                        return new Reduce("mean-last", n);
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            throw new IllegalArgumentException("option 'result-reduce' takes last, min, max, mean or mean-last:N "
                    + "(N >= 1), but got '" + text + "'");
        }

        double apply(List<Double> xs) {
            switch (name) {
                case "last":
                    return xs.get(xs.size() - 1);
                case "min":
                    return xs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                case "max":
                    return xs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                case "mean":
                    return xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                default:
                    return xs.subList(Math.max(0, xs.size() - n), xs.size()).stream()
                            .mapToDouble(Double::doubleValue).average().orElseThrow();
            }
        }

        @Override
        public String toString() {
            return name.equals("mean-last") ? "mean-last:" + n : name;
        }
    }

    /**
     * The values, one per key.
     *
     * @throws ProgramFailure when the file is missing or malformed, lacks a key, or gives NaN
     */
    double[] read(Path runDir) {
        Path path = runDir.resolve(file);
        Object root;
        try {
            root = LENIENT.readValue(Files.readString(path), Object.class);
        } catch (NoSuchFileException e) {
            throw new ProgramFailure(Kind.MISSING_FILE, "the program wrote no result file " + path);
        } catch (IOException e) {
            String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                    : e.getMessage();
            throw new ProgramFailure(Kind.MALFORMED, "result file " + path + " is not valid JSON: " + why);
        }
        double[] values = new double[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            values[k] = value(root, keys.get(k), path);
        }
        return values;
    }

    private double value(Object root, String key, Path path) {
        Object node = lookUp(root, key);
        if (node == null) {
            throw new ProgramFailure(Kind.MALFORMED, "result file " + path + " has no '" + key + "'");
        }
        List<Double> xs = new ArrayList<>();
        if (node instanceof Number x) {
            xs.add(x.doubleValue());
        } else if (node instanceof List<?> list && !list.isEmpty()) {
            for (Object o : list) {
                if (!(o instanceof Number x)) {
                    throw new ProgramFailure(Kind.MALFORMED, "'" + key + "' in " + path + " holds " + o
                            + ", not a number");
                }
                xs.add(x.doubleValue());
            }
        } else {
            throw new ProgramFailure(Kind.MALFORMED, "'" + key + "' in " + path + " is " + node
                    + ", not a number or a non-empty list of numbers");
        }
        double v = reduce.apply(xs);
        if (!Double.isFinite(v)) {
            throw new ProgramFailure(Kind.NAN, "'" + key + "' in " + path + " gives " + v + " (" + reduce + " of "
                    + xs.size() + " value(s))");
        }
        return v;
    }

    /** The node at a dotted key or a JSON pointer ({@code /losses/3}); null when there is none. */
    static Object lookUp(Object root, String key) {
        boolean pointer = key.startsWith("/");
        String[] parts = pointer ? key.substring(1).split("/", -1) : key.split("\\.");
        Object node = root;
        for (String raw : parts) {
            String part = pointer ? raw.replace("~1", "/").replace("~0", "~") : raw;
            if (node instanceof Map<?, ?> m) {
                node = m.get(part);
            } else if (node instanceof List<?> list && part.matches("\\d+")) {
                int i = Integer.parseInt(part);
                node = i < list.size() ? list.get(i) : null;
            } else {
                return null;
            }
        }
        return node;
    }
}
