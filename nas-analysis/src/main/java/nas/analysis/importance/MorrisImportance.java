package nas.analysis.importance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import nas.api.FrozenTrial;
import nas.api.StudyView;
import nas.api.TrialState;
import nas.api.distribution.Distribution;
import nas.samplers.morris.MorrisDesign;
import nas.samplers.morris.MorrisSampler;

/**
 * Elementary-effects analysis of a study run with {@link MorrisSampler}.
 *
 * <p>It reads the design settings the sampler stored in the study and each trial's point, rebuilds the
 * trajectories from the values the trials actually took (normalised to {@code [0,1]} of each parameter's
 * range, see {@link ParameterScale#unit}) and hands them to {@link MorrisAnalysis}. Only COMPLETE trials
 * have outputs; failed, pruned, running and never-run points are skipped together with the steps that
 * touch them, and listed in the report.
 */
public final class MorrisImportance {

    /**
     * One parameter's row.
     *
     * @param name    parameter name
     * @param indices μ, μ*, σ and the bootstrap interval of μ*
     */
    public record Row(String name, MorrisIndices indices) {
    }

    /**
     * The analysis of a study.
     *
     * @param rows           per parameter, ranked by μ* (largest first; parameters without effects last)
     * @param designPoints   points in the design
     * @param completed      points with a COMPLETE trial
     * @param notCompleted   numbers of trials on design points that did not complete (skipped)
     * @param missingSteps   steps skipped for a missing output
     * @param emptySteps     steps skipped because no parameter changed (rounding) or it was inactive
     */
    public record Report(List<Row> rows, int designPoints, int completed, List<Integer> notCompleted,
                         int missingSteps, int emptySteps) {
        /** Copies the lists, so a report never changes after it is made. */
        public Report {
            rows = List.copyOf(rows);
            notCompleted = List.copyOf(notCompleted);
        }

        /** μ* normalised to sum to 1, as a generic importance result; the spread is half the interval width. */
        public ImportanceResult toImportance(String objective) {
            double total = rows.stream().mapToDouble(r -> finite(r.indices().muStar())).sum();
            List<ParameterImportance> list = new ArrayList<>();
            for (Row r : rows) {
                double half = (finite(r.indices().muStarHigh()) - finite(r.indices().muStarLow())) / 2;
                list.add(new ParameterImportance(r.name(), total > 0 ? finite(r.indices().muStar()) / total : 0,
                        total > 0 ? half / total : 0));
            }
            List<String> notes = new ArrayList<>();
            if (!notCompleted.isEmpty()) {
                notes.add(notCompleted.size() + " design trial(s) did not complete and were skipped: " + notCompleted);
            }
            if (completed < designPoints) {
                notes.add(completed + " of " + designPoints + " design points have a completed trial");
            }
            return new ImportanceResult("morris", objective, list, List.of(), completed,
                    designPoints - completed, notes);
        }

        private static double finite(double v) {
            return Double.isFinite(v) ? v : 0;
        }
    }

    private final ToDoubleFunction<FrozenTrial> target;
    private final MorrisAnalysis.Options options;

    /** Analyses objective value {@code objectiveIndex} with the default bootstrap. */
    public MorrisImportance(int objectiveIndex) {
        this(Targets.objective(objectiveIndex), MorrisAnalysis.Options.defaults());
    }

    /** Analyses {@code target} (a value of a COMPLETE trial) with the given bootstrap options. */
    public MorrisImportance(ToDoubleFunction<FrozenTrial> target, MorrisAnalysis.Options options) {
        this.target = target;
        this.options = options;
    }

    /**
     * @throws IllegalArgumentException if the study was not run with {@link MorrisSampler}, or no step has
     *                                  two completed ends
     */
    public Report evaluate(StudyView study) {
        Object stored = study.systemAttrs().get(MorrisSampler.DESIGN_ATTR);
        if (!(stored instanceof Map<?, ?> settings)) {
            throw new IllegalArgumentException("study '" + study.name() + "' has no Morris design (system attribute '"
                    + MorrisSampler.DESIGN_ATTR + "'); run it with the Morris sampler (nas screen)");
        }
        List<String> names = new ArrayList<>();
        for (Object o : (List<?>) settings.get("parameters")) {
            names.add((String) o);
        }
        int k = names.size();
        int r = ((Number) settings.get("trajectories")).intValue();
        int size = r * (k + 1);
        // The design itself says which factor each step moved; other parameters may change along with it
        // (conditional parameters, rules of the objective) and must not be mistaken for the move.
        MorrisDesign design = MorrisDesign.generate(k, ((Number) settings.get("levels")).intValue(), r,
                ((Number) settings.get("candidate_pool")).intValue(), ((Number) settings.get("seed")).longValue());
        int[][] moved = new int[r][k + 1];
        for (int index = 0; index < size; index++) {
            moved[index / (k + 1)][index % (k + 1)] = design.movedFactor(index);
        }
        Map<Integer, FrozenTrial> byPoint = new HashMap<>();
        List<Integer> notCompleted = new ArrayList<>();
        for (FrozenTrial t : study.trials()) {
            Object point = t.systemAttrs().get(MorrisSampler.POINT_ATTR);
            if (!(point instanceof Number n)) {
                continue;
            }
            int index = n.intValue();
            if (index < 0 || index >= size) {
                continue;
            }
            if (t.state() != TrialState.COMPLETE) {
                notCompleted.add(t.number());
                continue;
            }
            byPoint.putIfAbsent(index, t);
        }
        double[][][] x = new double[r][k + 1][k];
        double[][] y = new double[r][k + 1];
        for (int index = 0; index < size; index++) {
            int traj = index / (k + 1);
            int step = index % (k + 1);
            FrozenTrial t = byPoint.get(index);
            if (t == null) {
                y[traj][step] = Double.NaN; // no output: the analysis skips both steps touching this point
                java.util.Arrays.fill(x[traj][step], Double.NaN);
                continue;
            }
            double v = target.applyAsDouble(t);
            y[traj][step] = Double.isFinite(v) ? v : Double.NaN;
            for (int p = 0; p < k; p++) {
                Distribution d = t.distributions().get(names.get(p));
                Double internal = t.internalParams().get(names.get(p));
                x[traj][step][p] = d == null || internal == null ? Double.NaN : ParameterScale.unit(d, internal);
            }
        }
        MorrisAnalysis.Result result = MorrisAnalysis.analyze(x, y, moved, options);
        List<Row> rows = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            rows.add(new Row(names.get(p), result.indices().get(p)));
        }
        rows.sort((a, b) -> Double.compare(orderKey(b), orderKey(a)));
        if (rows.stream().allMatch(row -> row.indices().effects() == 0)) {
            throw new IllegalArgumentException("study '" + study.name() + "' has no Morris step with two completed trials ("
                    + byPoint.size() + " of " + size + " design points completed)");
        }
        return new Report(rows, size, byPoint.size(), notCompleted, result.missingSteps(), result.emptySteps());
    }

    private static double orderKey(Row row) {
        double m = row.indices().muStar();
        return Double.isNaN(m) ? -1 : m;
    }
}
