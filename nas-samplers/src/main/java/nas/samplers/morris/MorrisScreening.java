package nas.samplers.morris;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.MultiObjective;
import nas.api.OptimizeOptions;
import nas.api.Study;
import nas.api.distribution.Distribution;

/**
 * Finds the search space a screening study covers, for define-by-run objectives that do not declare their
 * parameters up front.
 *
 * <ul>
 *   <li>A study that already runs a Morris design: its parameters (from {@link MorrisSampler#DESIGN_ATTR})
 *       with the distributions its trials used, so a resumed screening builds the very same design.</li>
 *   <li>Otherwise, the parameters of the study's first trial; with no trial yet, one trial is run first with
 *       the objective's defaults enqueued (a baseline that also tells which parameters the objective
 *       suggests, and how).</li>
 * </ul>
 * Conditional parameters that the defaults switch off are not seen, and so not screened.
 */
public final class MorrisScreening {

    /** User attribute marking the baseline trial run at the objective's defaults. */
    public static final String BASELINE_ATTR = "morris_baseline";

    private MorrisScreening() {
    }

    /**
     * @param study     the screening study (its sampler is used only for parameters without default)
     * @param objective the objective
     * @param defaults  the objective's parameter defaults (external values)
     * @throws IllegalArgumentException if the baseline trial suggested no parameter
     */
    public static Map<String, Distribution> space(Study study, MultiObjective objective, Map<String, Object> defaults) {
        Object design = study.systemAttrs().get(MorrisSampler.DESIGN_ATTR);
        if (design instanceof Map<?, ?> settings) {
            List<String> names = new ArrayList<>();
            for (Object o : (List<?>) settings.get("parameters")) {
                names.add((String) o);
            }
            Map<String, Distribution> space = new LinkedHashMap<>();
            for (FrozenTrial t : study.trials()) {
                for (String n : names) {
                    if (!space.containsKey(n) && t.distributions().containsKey(n)) {
                        space.put(n, t.distributions().get(n));
                    }
                }
            }
            if (space.size() != names.size()) {
                List<String> missing = new ArrayList<>(names);
                missing.removeAll(space.keySet());
                throw new IllegalArgumentException("study '" + study.name() + "' runs a Morris design over " + names
                        + " but no trial used " + missing);
            }
            return space;
        }
        if (study.trials().isEmpty()) {
            study.enqueueTrial(new LinkedHashMap<>(defaults), Map.of(BASELINE_ATTR, true));
            study.optimizeMulti(objective, OptimizeOptions.trials(1));
        }
        FrozenTrial first = study.trials().get(0);
        if (first.distributions().isEmpty()) {
            throw new IllegalArgumentException("the first trial of study '" + study.name()
                    + "' suggested no parameter, so there is nothing to screen"
                    + (first.systemAttrs().containsKey(FrozenTrial.FAIL_REASON)
                    ? " (it failed: " + first.systemAttrs().get(FrozenTrial.FAIL_REASON) + ")" : ""));
        }
        return first.distributions();
    }
}
