package nas.analysis.importance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import nas.api.FrozenTrial;
import nas.api.StudyView;
import nas.api.TrialState;
import nas.api.distribution.Distribution;
import nas.api.sampler.IntersectionSearchSpace;

/**
 * The completed trials of a study as a design matrix: one column per parameter ({@link ParameterScale}),
 * one row per COMPLETE trial with a finite target that has every parameter. The parameters are those all
 * such trials share with the same distribution (Optuna's intersection search space), minus single-valued
 * ones, optionally restricted to a subset. Parameters that took one value in every usable trial (held fixed,
 * e.g. in phase 2 of screening) explain nothing and are left out, by name in {@link #constant()}.
 */
record TrialData(List<String> names, List<Distribution> distributions, double[][] x, double[] y, double[] lower,
                 double[] upper, int skipped, List<String> constant) {

    static TrialData of(StudyView study, ToDoubleFunction<FrozenTrial> target, Collection<String> subset,
                        int minTrials, String evaluator) {
        List<FrozenTrial> complete = study.trials(TrialState.COMPLETE);
        int all = study.trials().size();
        List<FrozenTrial> usable = new ArrayList<>();
        for (FrozenTrial t : complete) {
            if (Double.isFinite(target.applyAsDouble(t))) {
                usable.add(t);
            }
        }
        Map<String, Distribution> space = new LinkedHashMap<>(IntersectionSearchSpace.ofSampleable(usable));
        if (subset != null && !subset.isEmpty()) {
            TreeSet<String> unknown = new TreeSet<>(subset);
            unknown.removeAll(space.keySet());
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("parameter(s) " + unknown + " are not in every completed trial of study '"
                        + study.name() + "'; it has " + space.keySet());
            }
            space.keySet().retainAll(subset);
        }
        if (usable.size() < minTrials) {
            throw new IllegalArgumentException(evaluator + " needs at least " + minTrials
                    + " completed trials with a finite target, but study '" + study.name() + "' has " + usable.size()
                    + " (of " + all + " trials)");
        }
        if (space.isEmpty()) {
            throw new IllegalArgumentException("the completed trials of study '" + study.name()
                    + "' share no parameter with more than one value; nothing to rank");
        }
        List<String> constant = new ArrayList<>();
        for (Map.Entry<String, Distribution> e : space.entrySet()) {
            double first = usable.get(0).internalParams().get(e.getKey());
            if (usable.stream().allMatch(t -> t.internalParams().get(e.getKey()) == first)) {
                constant.add(e.getKey());
            }
        }
        space.keySet().removeAll(constant);
        if (space.isEmpty()) {
            throw new IllegalArgumentException("no parameter of study '" + study.name()
                    + "' took more than one value in its completed trials; nothing to rank");
        }
        List<String> names = List.copyOf(space.keySet());
        List<Distribution> dists = List.copyOf(space.values());
        int k = names.size();
        double[][] x = new double[usable.size()][k];
        double[] y = new double[usable.size()];
        double[] lower = new double[k];
        double[] upper = new double[k];
        for (int p = 0; p < k; p++) {
            double[] b = ParameterScale.bounds(dists.get(p));
            lower[p] = b[0];
            upper[p] = b[1];
        }
        for (int r = 0; r < usable.size(); r++) {
            FrozenTrial t = usable.get(r);
            y[r] = target.applyAsDouble(t);
            for (int p = 0; p < k; p++) {
                x[r][p] = ParameterScale.encode(dists.get(p), t.internalParams().get(names.get(p)));
            }
        }
        return new TrialData(names, dists, x, y, lower, upper, all - usable.size(), List.copyOf(constant));
    }
}
