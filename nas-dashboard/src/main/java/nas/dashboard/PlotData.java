package nas.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nas.analysis.importance.FanovaImportance;
import nas.analysis.importance.ImportanceFormat;
import nas.analysis.importance.MorrisAnalysis;
import nas.analysis.importance.MorrisImportance;
import nas.analysis.importance.Targets;
import nas.analysis.pareto.ParetoAnalysis;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.distribution.IntDistribution;
import nas.api.json.Json;
import nas.samplers.morris.MorrisSampler;

/**
 * The data behind every plot of a study, as JSON-ready maps: computed on the server from a
 * {@link StudySnapshot}, so the browser only draws. Large studies are thinned here, never silently: each
 * answer says how many points it stands for.
 */
final class PlotData {

    /** Histories with more COMPLETE trials than this are thinned (the best-so-far line never is). */
    static final int HISTORY_POINTS = 10_000;
    /** Rows sent for parallel coordinates, slices and contours. */
    static final int PARAM_ROWS = 5_000;
    /** Learning curves sent, and points per curve. */
    static final int CURVES = 200;
    static final int CURVE_POINTS = 500;
    /** Bars of the timeline and points of each empirical distribution. */
    static final int TIMELINE_BARS = 5_000;
    static final int EDF_POINTS = 2_000;

    private PlotData() {
    }

    /** Names, directions, counts, best trial, parameters: what a study page shows first. */
    static Map<String, Object> summary(StudySnapshot s, Map<String, Object> best) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("name", s.name());
        out.put("version", s.version());
        out.put("directions", directions(s.directions()));
        out.put("counts", counts(s));
        out.put("trials", s.trials().size());
        // a large study's first answers come from its first trials: the page says so until all are read
        out.put("loading", s.loading() ? Map.of("loaded", s.trials().size(), "of", s.loadingOf()) : null);
        out.put("best", best);
        Instant last = s.lastActivity();
        out.put("last_activity", last == null ? null : last.toString());
        out.put("params", params(s));
        out.put("screening", s.systemAttrs().get(MorrisSampler.DESIGN_ATTR) instanceof Map);
        out.put("evolution_lab", s.trials().stream().anyMatch(t -> t.userAttrs().containsKey("best_genome")));
        out.put("user_attrs", s.userAttrs());
        return out;
    }

    static List<String> directions(List<StudyDirection> directions) {
        return directions.stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList();
    }

    static Map<String, Integer> counts(StudySnapshot s) {
        Map<String, Integer> out = new LinkedHashMap<>();
        s.counts().forEach((state, n) -> out.put(state.name(), n));
        return out;
    }

    /** Single objective: the best trial's number and value; several: the size of the Pareto front. */
    static Map<String, Object> best(StudySnapshot s) {
        List<FrozenTrial> complete = s.complete();
        if (complete.isEmpty()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (s.directions().size() == 1) {
            StudyDirection d = s.directions().get(0);
            FrozenTrial best = complete.get(0);
            for (FrozenTrial t : complete) {
                if (d.isBetter(t.value(), best.value())) {
                    best = t;
                }
            }
            out.put("number", best.number());
            out.put("value", best.value());
        } else {
            out.put("front_size", ParetoAnalysis.summarize(complete, s.directions(), null).front().size());
        }
        return out;
    }

    /** Every parameter seen in the study, with its distribution, in order of first appearance. */
    static List<Map<String, Object>> params(StudySnapshot s) {
        Map<String, Distribution> seen = new LinkedHashMap<>();
        for (FrozenTrial t : s.trials()) {
            for (Map.Entry<String, Distribution> e : t.distributions().entrySet()) {
                seen.putIfAbsent(e.getKey(), e.getValue());
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        seen.forEach((name, d) -> out.add(param(name, d)));
        return out;
    }

    /** A parameter's distribution as the pages read it: type, low, high, log and step (when not 1 or none), or choices. */
    static Map<String, Object> param(String name, Distribution d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        if (d instanceof FloatDistribution f) {
            p.put("type", "float");
            p.put("low", f.low());
            p.put("high", f.high());
            p.put("log", f.log());
            if (f.hasStep()) {
                p.put("step", f.step());
            }
        } else if (d instanceof IntDistribution i) {
            p.put("type", "int");
            p.put("low", i.low());
            p.put("high", i.high());
            p.put("log", i.log());
            if (i.step() != 1) {
                p.put("step", i.step());
            }
        } else if (d instanceof CategoricalDistribution c) {
            p.put("type", "categorical");
            p.put("choices", c.choices().stream().map(String::valueOf).toList());
        }
        return p;
    }

    /**
     * Optimization history of one objective: one point per COMPLETE trial (thinned past
     * {@link #HISTORY_POINTS}, keeping every trial that improved the best) and the exact best-so-far line
     * as the steps where it changed.
     */
    static Map<String, Object> history(StudySnapshot s, int objective) {
        checkObjective(s, objective);
        StudyDirection d = s.directions().get(objective);
        List<FrozenTrial> complete = s.complete();
        int stride = Math.max(1, (complete.size() + HISTORY_POINTS - 1) / HISTORY_POINTS);
        List<double[]> points = new ArrayList<>();
        List<double[]> best = new ArrayList<>();
        double bestValue = Double.NaN;
        for (int i = 0; i < complete.size(); i++) {
            FrozenTrial t = complete.get(i);
            double v = t.values().get(objective);
            boolean improved = Double.isNaN(bestValue) || d.isBetter(v, bestValue);
            if (improved) {
                bestValue = v;
                best.add(new double[] {t.number(), v});
            }
            if (improved || i % stride == 0) {
                points.add(new double[] {t.number(), v});
            }
        }
        if (!complete.isEmpty()) {
            best.add(new double[] {complete.get(complete.size() - 1).number(), bestValue});
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("objective", objective);
        out.put("direction", d.name().toLowerCase(Locale.ROOT));
        out.put("complete", complete.size());
        out.put("points", points);
        out.put("best", best);
        out.put("thinned", stride > 1);
        return out;
    }

    /** Learning curves (intermediate values) of the latest {@link #CURVES} trials that reported any. */
    static Map<String, Object> intermediate(StudySnapshot s) {
        List<FrozenTrial> reporting = new ArrayList<>();
        for (FrozenTrial t : s.trials()) {
            if (!t.intermediateValues().isEmpty()) {
                reporting.add(t);
            }
        }
        List<FrozenTrial> shown = reporting.subList(Math.max(0, reporting.size() - CURVES), reporting.size());
        List<Map<String, Object>> curves = new ArrayList<>();
        for (FrozenTrial t : shown) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("number", t.number());
            c.put("state", t.state().name());
            int n = t.intermediateValues().size();
            int stride = Math.max(1, (n + CURVE_POINTS - 1) / CURVE_POINTS);
            List<double[]> steps = new ArrayList<>();
            int i = 0;
            for (Map.Entry<Integer, Double> e : t.intermediateValues().entrySet()) {
                if (i % stride == 0 || i == n - 1) {
                    steps.add(new double[] {e.getKey(), e.getValue()});
                }
                i++;
            }
            c.put("steps", steps);
            curves.add(c);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("reporting", reporting.size());
        out.put("curves", curves);
        return out;
    }

    /**
     * COMPLETE trials as columns for parallel coordinates, slices and contours: values per objective and
     * each parameter's external value (a categorical parameter's choice index; null where a conditional
     * parameter is absent). Evenly thinned past {@link #PARAM_ROWS}.
     */
    static Map<String, Object> paramRows(StudySnapshot s) {
        List<FrozenTrial> complete = s.complete();
        List<Map<String, Object>> params = params(s);
        int stride = Math.max(1, (complete.size() + PARAM_ROWS - 1) / PARAM_ROWS);
        List<Integer> numbers = new ArrayList<>();
        List<List<Double>> values = new ArrayList<>();
        for (int k = 0; k < s.directions().size(); k++) {
            values.add(new ArrayList<>());
        }
        Map<String, List<Object>> columns = new LinkedHashMap<>();
        for (Map<String, Object> p : params) {
            columns.put((String) p.get("name"), new ArrayList<>());
        }
        for (int i = 0; i < complete.size(); i += stride) {
            FrozenTrial t = complete.get(i);
            numbers.add(t.number());
            for (int k = 0; k < values.size(); k++) {
                values.get(k).add(t.values().get(k));
            }
            for (Map.Entry<String, List<Object>> c : columns.entrySet()) {
                Double internal = t.internalParams().get(c.getKey());
                Distribution d = t.distributions().get(c.getKey());
                c.getValue().add(internal == null ? null
                        : d instanceof CategoricalDistribution ? (Object) internal.intValue() : d.toExternal(internal));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("complete", complete.size());
        out.put("params", params);
        out.put("numbers", numbers);
        out.put("values", values);
        out.put("columns", columns);
        return out;
    }

    /** Empirical distribution of each objective's COMPLETE values: sorted values with their cumulative share. */
    static Map<String, Object> edf(StudySnapshot s) {
        List<FrozenTrial> complete = s.complete();
        List<List<double[]>> curves = new ArrayList<>();
        for (int k = 0; k < s.directions().size(); k++) {
            double[] v = new double[complete.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = complete.get(i).values().get(k);
            }
            Arrays.sort(v);
            List<double[]> curve = new ArrayList<>();
            int stride = Math.max(1, (v.length + EDF_POINTS - 1) / EDF_POINTS);
            for (int i = 0; i < v.length; i++) {
                if (i % stride == 0 || i == v.length - 1) {
                    curve.add(new double[] {v[i], (i + 1) / (double) v.length});
                }
            }
            curves.add(curve);
        }
        return Map.of("complete", complete.size(), "curves", curves);
    }

    /** Start and end (epoch milliseconds; end null while running) and state of each started trial. */
    static Map<String, Object> timeline(StudySnapshot s) {
        List<FrozenTrial> started = s.trials().stream().filter(t -> t.datetimeStart() != null).toList();
        int stride = Math.max(1, (started.size() + TIMELINE_BARS - 1) / TIMELINE_BARS);
        List<List<Object>> bars = new ArrayList<>();
        for (int i = 0; i < started.size(); i += stride) {
            FrozenTrial t = started.get(i);
            List<Object> bar = new ArrayList<>(4);
            bar.add(t.number());
            bar.add(t.datetimeStart().toEpochMilli());
            bar.add(t.datetimeComplete() == null ? null : t.datetimeComplete().toEpochMilli());
            bar.add(t.state().name());
            bars.add(bar);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("started", started.size());
        out.put("bars", bars);
        return out;
    }

    /**
     * Pareto front (the trials {@code nas pareto} lists), the dominated COMPLETE trials (thinned), the
     * hypervolume with the default reference point and its history.
     */
    static Map<String, Object> pareto(StudySnapshot s) {
        List<FrozenTrial> complete = s.complete();
        ParetoAnalysis.Summary summary = ParetoAnalysis.summarize(complete, s.directions(), null);
        List<Map<String, Object>> front = new ArrayList<>();
        Set<Integer> onFront = new HashSet<>();
        for (FrozenTrial t : summary.front()) {
            front.add(point(t));
            onFront.add(t.number());
        }
        List<Map<String, Object>> dominated = new ArrayList<>();
        int stride = Math.max(1, (complete.size() + PARAM_ROWS - 1) / PARAM_ROWS);
        for (int i = 0; i < complete.size(); i += stride) {
            if (!onFront.contains(complete.get(i).number())) {
                dominated.add(point(complete.get(i)));
            }
        }
        List<double[]> history = new ArrayList<>();
        if (!front.isEmpty()) {
            List<ParetoAnalysis.HistoryPoint> h = ParetoAnalysis.historyByTrial(complete, s.directions(),
                    summary.referencePoint());
            int hs = Math.max(1, (h.size() + HISTORY_POINTS - 1) / HISTORY_POINTS);
            for (int i = 0; i < h.size(); i++) {
                if (i % hs == 0 || i == h.size() - 1 || (i > 0 && h.get(i).hypervolume() != h.get(i - 1).hypervolume())) {
                    history.add(new double[] {h.get(i).trialNumber(), h.get(i).hypervolume()});
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("directions", directions(s.directions()));
        out.put("front", front);
        out.put("dominated", dominated);
        out.put("reference_point", front.isEmpty() ? null : summary.referencePoint());
        out.put("hypervolume", summary.hypervolume());
        out.put("history", history);
        return out;
    }

    private static Map<String, Object> point(FrozenTrial t) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("number", t.number());
        p.put("values", t.values());
        return p;
    }

    /**
     * Parameter importance of one objective exactly as {@code nas importance --format json} computes it with
     * its defaults: Morris μ* and σ for a screening study, fANOVA otherwise. Too few trials give {@code error}.
     */
    static Map<String, Object> importance(StudySnapshot s, int objective) {
        checkObjective(s, objective);
        SnapshotStudyView view = new SnapshotStudyView(s);
        String json;
        try {
            if (s.systemAttrs().get(MorrisSampler.DESIGN_ATTR) instanceof Map) {
                json = ImportanceFormat.morrisJson(new MorrisImportance(Targets.objective(objective),
                        new MorrisAnalysis.Options(1000, 0.95, 0)).evaluate(view), 0);
            } else {
                String label = s.directions().size() == 1 ? "the objective" : "objective " + objective;
                json = ImportanceFormat.json(FanovaImportance.builder().target(label, Targets.objective(objective))
                        .build().evaluate(view), 0);
            }
        } catch (IllegalArgumentException e) {
            return Map.of("error", e.getMessage());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) Json.read(json);
        return out;
    }

    static void checkObjective(StudySnapshot s, int objective) {
        if (objective < 0 || objective >= s.directions().size()) {
            throw new BadRequestException("objective must be 0.." + (s.directions().size() - 1) + ", but got " + objective);
        }
    }
}
