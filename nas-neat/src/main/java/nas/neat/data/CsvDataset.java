package nas.neat.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a classification data set from a CSV file with a header row: the column named as the label holds the
 * class (any text; classes are numbered in sorted order), every other column a numeric feature. Blank lines
 * are skipped; fields may be wrapped in double quotes. Every problem is an {@link IllegalArgumentException}
 * whose message names the file, the line and the column.
 */
public final class CsvDataset {

    private CsvDataset() {
    }

    public static Dataset read(Path file, String labelColumn) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read CSV file " + file + ": " + nas.api.FileErrors.reason(e), e);
        }
        return parse(file.toString(), lines, labelColumn);
    }

    static Dataset parse(String name, List<String> lines, String labelColumn) {
        int headerLine = 0;
        while (headerLine < lines.size() && lines.get(headerLine).isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.size()) {
            throw new IllegalArgumentException(name + ": the CSV file is empty (a header row is needed)");
        }
        String[] header = fields(lines.get(headerLine));
        int label = -1;
        for (int c = 0; c < header.length; c++) {
            if (header[c].equals(labelColumn)) {
                label = c;
            }
        }
        if (label < 0) {
            throw new IllegalArgumentException(name + ": no label column '" + labelColumn + "'; the columns are "
                    + String.join(", ", header));
        }
        if (header.length < 2) {
            throw new IllegalArgumentException(name + ": besides the label column '" + labelColumn
                    + "' at least one feature column is needed");
        }
        List<double[]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int l = headerLine + 1; l < lines.size(); l++) {
            if (lines.get(l).isBlank()) {
                continue;
            }
            String[] f = fields(lines.get(l));
            if (f.length != header.length) {
                throw new IllegalArgumentException(name + ":" + (l + 1) + ": " + f.length + " fields, the header has "
                        + header.length);
            }
            double[] row = new double[header.length - 1];
            int k = 0;
            for (int c = 0; c < f.length; c++) {
                if (c == label) {
                    continue;
                }
                try {
                    row[k] = Double.parseDouble(f[c]);
                } catch (NumberFormatException e) {
                    row[k] = Double.NaN;
                }
                if (!Double.isFinite(row[k])) {
                    throw new IllegalArgumentException(name + ":" + (l + 1) + ": column '" + header[c]
                            + "' is not a finite number: '" + f[c] + "'");
                }
                k++;
            }
            if (f[label].isEmpty()) {
                throw new IllegalArgumentException(name + ":" + (l + 1) + ": empty label in column '" + labelColumn + "'");
            }
            rows.add(row);
            labels.add(f[label]);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(name + ": the CSV file has a header but no rows");
        }
        Map<String, Integer> classes = new LinkedHashMap<>();
        for (String c : new TreeSet<>(labels)) {
            classes.put(c, classes.size());
        }
        if (classes.size() < 2) {
            throw new IllegalArgumentException(name + ": the label column '" + labelColumn + "' has one class only ("
                    + labels.get(0) + "); classification needs at least two");
        }
        int d = header.length - 1;
        double[] features = new double[rows.size() * d];
        int[] y = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, features, i * d, d);
            y[i] = classes.get(labels.get(i));
        }
        return new Dataset(features, y, d, new ArrayList<>(classes.keySet()));
    }

    private static String[] fields(String line) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            String s = f[i].trim();
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1);
            }
            f[i] = s;
        }
        return f;
    }
}
