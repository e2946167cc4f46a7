package nas.api.objective.external;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nas.api.json.Json;

/**
 * Follows the log a program appends to while it trains ({@code -O log-file=train.jsonl}) and turns its
 * new lines into intermediate values, so pruners work without any change to the program. A JSON-lines
 * log gives one object per line; a {@code .csv} log has a header row. The value is the column
 * {@code log-key} (default {@code loss}); the step is the column {@code log-step-key} (default
 * {@code step}), or the line's position when the line has none. Lines without a finite value are skipped.
 */
final class ProgressLog {

    /** One logged point. */
    record Point(int step, double value) {
    }

    private final Path file;
    private final String valueKey;
    private final String stepKey;
    private final boolean csv;
    private long offset;
    private int lines;
    private List<String> header;

    ProgressLog(Path file, String valueKey, String stepKey) {
        this.file = file;
        this.valueKey = valueKey;
        this.stepKey = stepKey;
        this.csv = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    }

    /** The points of the complete lines written since the last call (a line still being written waits). */
    List<Point> poll() throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        byte[] fresh;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= offset) {
                return List.of();
            }
            fresh = new byte[(int) Math.min(length - offset, 1 << 24)];
            in.seek(offset);
            in.readFully(fresh);
        }
        int end = fresh.length;
        while (end > 0 && fresh[end - 1] != '\n') {
            end--;
        }
        offset += end;
        List<Point> points = new ArrayList<>();
        for (String line : new String(fresh, 0, end, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                Point p = parse(line.strip());
                if (p != null) {
                    points.add(p);
                }
            }
        }
        return points;
    }

    private Point parse(String line) {
        Object value;
        Object step;
        if (csv) {
            List<String> cells = Arrays.asList(line.split(",", -1));
            if (header == null) {
                header = cells.stream().map(String::strip).toList();
                return null;
            }
            value = cell(cells, header.indexOf(valueKey));
            step = cell(cells, header.indexOf(stepKey));
        } else {
            Object row;
            try {
                row = Json.read(line);
            } catch (IllegalArgumentException e) {
                return null; // not a JSON line: the program's own remark
            }
            if (!(row instanceof Map<?, ?> m)) {
                return null;
            }
            value = ResultFile.lookUp(m, valueKey);
            step = m.get(stepKey);
        }
        lines++;
        if (!(value instanceof Number v) || !Double.isFinite(v.doubleValue())) {
            return null;
        }
        return new Point(step instanceof Number s ? s.intValue() : lines, v.doubleValue());
    }

    private static Object cell(List<String> cells, int column) {
        if (column < 0 || column >= cells.size()) {
            return null;
        }
        try {
            return Double.parseDouble(cells.get(column).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
