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

    /** The newest results file of {@code configName} in {@code dir}, if any. */
    public static Optional<Path> latest(Path dir, String configName) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        String prefix = configName + "_";
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(".json")
                        && n.substring(prefix.length(), n.length() - 5).matches("\\d{8}_\\d{6}");
            }).max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir, e);
        }
    }

    /** The row of one results document. */
    @SuppressWarnings("unchecked")
    public static Row row(Path file) {
        Map<String, Object> doc = ResultsFile.read(file);
        List<Double> finals = new ArrayList<>();
        Object runs = doc.get("runs");
        if (runs instanceof List<?> list) {
            for (Object o : list) {
                Object f = ((Map<String, Object>) o).get("best_fitness");
                if (f instanceof Number n) {
                    finals.add(n.doubleValue());
                }
            }
        }
        double mean = finals.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double var = finals.stream().mapToDouble(f -> (f - mean) * (f - mean)).average().orElse(Double.NaN);
        double best = finals.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return new Row(String.valueOf(doc.get("config_name")), file, finals.size(), mean, Math.sqrt(var), best,
                String.valueOf(doc.get("status")));
    }
}
