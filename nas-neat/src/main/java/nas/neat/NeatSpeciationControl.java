package nas.neat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * NEAT's optional speciation steering for a speciating evolution loop: the adaptive species target
 * ({@link SpeciesTargetController}; the threshold it computes after a generation is used for the next one)
 * and species stagnation ({@link SpeciesStagnation}; stagnant species get no offspring, their share goes to
 * the others by the reference's allocation rule). With both off (the defaults) it is
 * {@link SpeciationControl#NONE}. One instance per run.
 */
public final class NeatSpeciationControl implements SpeciationControl {

    private final SpeciesTargetController target;
    private final SpeciesStagnation stagnation;
    private int[] lineage = new int[0];
    private final List<Integer> speciesCounts = new ArrayList<>();
    private final List<Double> thresholds = new ArrayList<>();

    NeatSpeciationControl(SpeciesTargetController target, SpeciesStagnation stagnation) {
        this.target = target;
        this.stagnation = stagnation;
    }

    /**
     * The control made of an optional species target and an optional stagnation rule, or
     * {@link SpeciationControl#NONE} when both are null.
     */
    public static SpeciationControl of(SpeciesTargetController target, SpeciesStagnation stagnation) {
        return target == null && stagnation == null ? NONE : new NeatSpeciationControl(target, stagnation);
    }

    @Override
    public double threshold(double configured) {
        double t = target == null ? configured : target.threshold();
        thresholds.add(t);
        return t;
    }

    @Override
    public int[] offspring(Speciation.Plan plan, double[] fitness, RandomGenerator rng) {
        List<int[]> species = plan.species();
        speciesCounts.add(species.size());
        int[] offspring = plan.offspring();
        int[] ids = null;
        if (stagnation != null) {
            int[] from = new int[fitness.length];
            Arrays.fill(from, -1);
            System.arraycopy(lineage, 0, from, 0, Math.min(lineage.length, from.length));
            SpeciesStagnation.Observation o = stagnation.observe(from, species, fitness);
            ids = o.ids();
            offspring = reallocate(species, fitness, offspring, o.stagnant());
        }
        if (target != null) {
            target.update(species.size(), rng);
        }
        if (ids != null) {
            lineage = nextLineage(plan, offspring, ids);
        }
        return offspring;
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lineage", Arrays.stream(lineage).boxed().toList());
        m.put("speciesCounts", speciesCounts);
        m.put("thresholds", ControlState.bitsOf(thresholds.stream().mapToDouble(Double::doubleValue).toArray()));
        if (target != null) {
            m.put("target", target.state());
        }
        if (stagnation != null) {
            m.put("stagnation", stagnation.state());
        }
        return m;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Map<String, Object> m) {
        if ((target != null) != m.containsKey("target") || (stagnation != null) != m.containsKey("stagnation")) {
            throw new IllegalArgumentException("the speciation control state is of another configuration (species "
                    + "target " + m.containsKey("target") + ", stagnation " + m.containsKey("stagnation") + ")");
        }
        lineage = ControlState.ints(m, "lineage");
        speciesCounts.clear();
        for (int c : ControlState.ints(m, "speciesCounts")) {
            speciesCounts.add(c);
        }
        thresholds.clear();
        for (Object t : ControlState.list(m, "thresholds")) {
            thresholds.add(ControlState.real(t));
        }
        if (target != null) {
            target.restore((Map<String, Object>) m.get("target"));
        }
        if (stagnation != null) {
            stagnation.restore((Map<String, Object>) m.get("stagnation"));
        }
    }

    /** Species count of every generation so far. */
    public List<Integer> speciesCounts() {
        return List.copyOf(speciesCounts);
    }

    /** Compatibility threshold used in every generation so far. */
    public List<Double> thresholds() {
        return List.copyOf(thresholds);
    }

    /**
     * Offspring of stagnant species go to the others, in proportion to max(0.01, mean member fitness) with
     * Python rounding and the last receiving species taking the remainder, as in the reference allocation.
     */
    static int[] reallocate(List<int[]> species, double[] fitness, int[] offspring, boolean[] stagnant) {
        boolean any = false;
        int receivers = 0;
        for (int k = 0; k < stagnant.length; k++) {
            any |= stagnant[k];
            receivers += stagnant[k] ? 0 : 1;
        }
        if (!any || receivers == 0) {
            return offspring;
        }
        int total = Arrays.stream(offspring).sum();
        double[] share = new double[species.size()];
        double sum = 0;
        int last = -1;
        for (int k = 0; k < share.length; k++) {
            if (stagnant[k]) {
                continue;
            }
            double mean = 0;
            for (int i : species.get(k)) {
                mean += fitness[i];
            }
            share[k] = Math.max(0.01, mean / species.get(k).length);
            sum += share[k];
            last = k;
        }
        int[] out = new int[share.length];
        int given = 0;
        for (int k = 0; k < share.length; k++) {
            if (!stagnant[k] && k != last) {
                out[k] = (int) Math.rint(share[k] / sum * total);
                given += out[k];
            }
        }
        out[last] = Math.max(0, total - given);
        return out;
    }

    private static int[] nextLineage(Speciation.Plan plan, int[] offspring, int[] ids) {
        int size = Arrays.stream(offspring).sum();
        for (int[] s : plan.survivors()) {
            size += s.length;
        }
        int[] next = new int[size];
        int k = 0;
        for (int s = 0; s < plan.survivors().size(); s++) {
            for (int ignored : plan.survivors().get(s)) {
                next[k++] = ids[s];
            }
        }
        for (int s = 0; s < offspring.length; s++) {
            for (int c = 0; c < offspring[s]; c++) {
                next[k++] = ids[s];
            }
        }
        return next;
    }
}
