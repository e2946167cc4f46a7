package nas.analysis.importance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nas.api.json.Json;

/**
 * Renders importance results: a ranked table with bars for people, CSV and JSON for programs.
 * {@code top} limits the rows (0 or less: all).
 */
public final class ImportanceFormat {

    private static final int BAR = 30;

    private ImportanceFormat() {
    }

    private static <T> List<T> head(List<T> list, int top) {
        return top > 0 && top < list.size() ? list.subList(0, top) : list;
    }

    private static String bar(double value, double max) {
        int n = max > 0 ? (int) Math.round(BAR * value / max) : 0;
        return "#".repeat(Math.max(0, Math.min(BAR, n)));
    }

    /** Ranked table with bars proportional to importance. */
    public static String table(ImportanceResult r, int top) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s importance of %s (%d trials used, %d left out)%n",
                label(r.evaluator()), r.target(), r.trialsUsed(), r.trialsSkipped()));
        List<ParameterImportance> rows = head(r.parameters(), top);
        int width = Math.max(9, rows.stream().mapToInt(p -> p.name().length()).max().orElse(9));
        double max = rows.stream().mapToDouble(ParameterImportance::importance).max().orElse(0);
        sb.append(String.format(Locale.ROOT, "%4s  %-" + width + "s  %10s  %8s  %s%n", "rank", "parameter", "importance",
                "spread", ""));
        for (int i = 0; i < rows.size(); i++) {
            ParameterImportance p = rows.get(i);
            sb.append(String.format(Locale.ROOT, "%4d  %-" + width + "s  %10.4f  %8.4f  %s%n", i + 1, p.name(),
                    p.importance(), p.spread(), bar(p.importance(), max)));
        }
        if (!r.pairs().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%ninteractions (share of total variance)%n"));
            for (PairImportance p : head(r.pairs(), top)) {
                sb.append(String.format(Locale.ROOT, "      %s x %s  %.4f  +- %.4f%n", p.first(), p.second(), p.fraction(),
                        p.spread()));
            }
        }
        for (String note : r.notes()) {
            sb.append("note: ").append(note).append(System.lineSeparator());
        }
        return sb.toString();
    }

    private static String label(String evaluator) {
        return switch (evaluator) {
            case "fanova" -> "fANOVA";
            case "mdi" -> "Mean-decrease-in-impurity";
            case "ped-anova" -> "PED-ANOVA";
            case "morris" -> "Morris (normalised mu*)";
            default -> evaluator;
        };
    }

    /** {@code rank,parameter,importance,spread}. */
    public static String csv(ImportanceResult r, int top) {
        StringBuilder sb = new StringBuilder("rank,parameter,importance,spread\n");
        List<ParameterImportance> rows = head(r.parameters(), top);
        for (int i = 0; i < rows.size(); i++) {
            ParameterImportance p = rows.get(i);
            sb.append(i + 1).append(',').append(csvField(p.name())).append(',').append(p.importance()).append(',')
                    .append(p.spread()).append('\n');
        }
        return sb.toString();
    }

    static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** One JSON object with the evaluator, target, counts, ranked parameters, pairs and notes. */
    public static String json(ImportanceResult r, int top) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("evaluator", r.evaluator());
        m.put("target", r.target());
        m.put("trials_used", r.trialsUsed());
        m.put("trials_skipped", r.trialsSkipped());
        List<Object> params = new ArrayList<>();
        List<ParameterImportance> rows = head(r.parameters(), top);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("rank", i + 1);
            p.put("name", rows.get(i).name());
            p.put("importance", rows.get(i).importance());
            p.put("spread", rows.get(i).spread());
            if (!Double.isNaN(rows.get(i).fraction())) {
                p.put("fraction", rows.get(i).fraction()); // raw share of the variance, the scale of the pairs
            }
            params.add(p);
        }
        m.put("parameters", params);
        List<Object> pairs = new ArrayList<>();
        for (PairImportance p : head(r.pairs(), top)) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("first", p.first());
            e.put("second", p.second());
            e.put("fraction", p.fraction());
            e.put("spread", p.spread());
            pairs.add(e);
        }
        m.put("pairs", pairs);
        m.put("notes", r.notes());
        return Json.write(m);
    }

    /** Morris table: μ*, its bootstrap interval, μ, σ and the number of effects, with bars on μ*. */
    public static String morrisTable(MorrisImportance.Report r, int top) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT,
                "Morris elementary effects (per full range of each parameter): %d of %d design points completed%n",
                r.completed(), r.designPoints()));
        List<MorrisImportance.Row> rows = head(r.rows(), top);
        int width = Math.max(9, rows.stream().mapToInt(p -> p.name().length()).max().orElse(9));
        double max = rows.stream().mapToDouble(p -> finite(p.indices().muStar())).max().orElse(0);
        sb.append(String.format(Locale.ROOT, "%4s  %-" + width + "s  %10s  %23s  %10s  %10s  %3s  %s%n", "rank",
                "parameter", "mu*", "95% interval of mu*", "mu", "sigma", "n", ""));
        for (int i = 0; i < rows.size(); i++) {
            MorrisImportance.Row row = rows.get(i);
            MorrisIndices m = row.indices();
            sb.append(String.format(Locale.ROOT, "%4d  %-" + width + "s  %10.4g  [%10.4g, %10.4g]  %10.4g  %10.4g  %3d  %s%n",
                    i + 1, row.name(), m.muStar(), m.muStarLow(), m.muStarHigh(), m.mu(), m.sigma(), m.effects(),
                    bar(finite(m.muStar()), max)));
        }
        if (!r.notCompleted().isEmpty()) {
            sb.append("note: trials that did not complete were skipped: ").append(r.notCompleted())
                    .append(System.lineSeparator());
        }
        if (r.missingSteps() > 0 || r.emptySteps() > 0) {
            sb.append(String.format(Locale.ROOT, "note: %d steps lack an output, %d steps changed no active parameter%n",
                    r.missingSteps(), r.emptySteps()));
        }
        return sb.toString();
    }

    /** {@code rank,parameter,mu_star,mu_star_low,mu_star_high,mu,sigma,effects}. */
    public static String morrisCsv(MorrisImportance.Report r, int top) {
        StringBuilder sb = new StringBuilder("rank,parameter,mu_star,mu_star_low,mu_star_high,mu,sigma,effects\n");
        List<MorrisImportance.Row> rows = head(r.rows(), top);
        for (int i = 0; i < rows.size(); i++) {
            MorrisIndices m = rows.get(i).indices();
            sb.append(i + 1).append(',').append(csvField(rows.get(i).name())).append(',').append(m.muStar()).append(',')
                    .append(m.muStarLow()).append(',').append(m.muStarHigh()).append(',').append(m.mu()).append(',')
                    .append(m.sigma()).append(',').append(m.effects()).append('\n');
        }
        return sb.toString();
    }

    /** JSON of a Morris report. */
    public static String morrisJson(MorrisImportance.Report r, int top) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("evaluator", "morris");
        out.put("design_points", r.designPoints());
        out.put("completed", r.completed());
        out.put("not_completed", r.notCompleted());
        out.put("missing_steps", r.missingSteps());
        out.put("empty_steps", r.emptySteps());
        List<Object> rows = new ArrayList<>();
        List<MorrisImportance.Row> list = head(r.rows(), top);
        for (int i = 0; i < list.size(); i++) {
            MorrisIndices m = list.get(i).indices();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("rank", i + 1);
            e.put("name", list.get(i).name());
            e.put("mu_star", m.muStar());
            e.put("mu_star_low", m.muStarLow());
            e.put("mu_star_high", m.muStarHigh());
            e.put("mu", m.mu());
            e.put("sigma", m.sigma());
            e.put("effects", m.effects());
            rows.add(e);
        }
        out.put("parameters", rows);
        return Json.write(out);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
