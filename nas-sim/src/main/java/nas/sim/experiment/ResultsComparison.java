package nas.sim.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Mean and standard deviation of the seeds' final best-ever fitness per configuration, read from results
 * documents ({@code nas compare}). Per configuration the newest file ({@code <config>_<timestamp>.json},
 * the timestamp sorts lexically) is used; its runs' {@code best_fitness} values are the finals, so a run
 * still in progress or cut short contributes what it had reached.
 */
public final class ResultsComparison {

    /** One configuration's row. */
    public record Row(String configName, Path file, int seeds, double mean, double std, double best, String status) {
    }

    private ResultsComparison() {
    }

    /** What follows {@code <config>_} in the name of a results file. */
    private static final String TIMESTAMP = "\\d{8}_\\d{6}";

    /** The newest results file of {@code configName} in {@code dir}, if any. */
    public static Optional<Path> latest(Path dir, String configName) {
        return files(dir, configName, rest -> rest.matches(TIMESTAMP)).stream()
                .max(Comparator.comparing(p -> p.getFileName().toString()));
    }

    /**
     * Files in {@code dir} named {@code <config>_<anything>.json} that {@link #latest} passes over because
     * {@code <anything>} is no timestamp ({@code pure_baseline_old.json}); another configuration's files
     * ({@code pure_baseline_<timestamp>.json} for config {@code pure}) are not among them.
     */
    public static List<Path> misnamed(Path dir, String configName) {
        return files(dir, configName, rest -> !rest.matches("(.*_)?" + TIMESTAMP)).stream().sorted().toList();
    }

    private static List<Path> files(Path dir, String configName, java.util.function.Predicate<String> rest) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        String prefix = configName + "_";
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(".json") && n.length() >= prefix.length() + 5
                        && rest.test(n.substring(prefix.length(), n.length() - 5));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir, e);
        }
    }

    /**
     * The row of one results document.
     *
     * @throws IllegalArgumentException when the file is not a results document, saying why
     * @throws UncheckedIOException when it cannot be read
     */
    public static Row row(Path file) {
        Map<?, ?> doc = document(file);
        List<Double> finals = new ArrayList<>();
        for (Object o : (List<?>) doc.get("runs")) {
            Object f = o instanceof Map<?, ?> run ? run.get("best_fitness") : null;
            if (f instanceof Number n) {
                finals.add(n.doubleValue()); // a run in progress has none yet
            } else if (!(o instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("'runs' holds " + o + ", not a run");
            }
        }
        double mean = finals.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double var = finals.stream().mapToDouble(f -> (f - mean) * (f - mean)).average().orElse(Double.NaN);
        double best = finals.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return new Row(String.valueOf(doc.get("config_name")), file, finals.size(), mean, Math.sqrt(var), best,
                String.valueOf(doc.get("status")));
    }

    /** The document of {@code file}: a JSON object with a list of runs. */
    private static Map<?, ?> document(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Object doc = nas.api.json.Json.readDocument(text);
        if (!(doc instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("it holds " + (doc instanceof List ? "a JSON list" : "'" + doc + "'")
                    + ", not a results object");
        }
        if (!(map.get("runs") instanceof List)) {
            throw new IllegalArgumentException("it has no list of 'runs'");
        }
        return map;
    }
}
