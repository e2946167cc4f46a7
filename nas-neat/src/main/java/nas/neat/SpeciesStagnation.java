package nas.neat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Species stagnation (Stanley and Miikkulainen 2002, section 3.3: a species whose best fitness has not
 * improved for a number of generations stops reproducing). The reference rebuilds its species every
 * generation, so species have no identity of their own; this class gives them one by lineage: every genome
 * carries the id of the species it came from (survivors their old species, offspring the species they were
 * bred in), and a new species takes the id its founder (first member) carries, unless an earlier species of
 * the same generation already claimed it; otherwise it gets a fresh id.
 *
 * <p>A species is stagnant when its best fitness has not exceeded its previous best by more than
 * {@code minImprovement} for {@code limit} generations. The species holding the population's best genome is
 * never stagnant, so the best lineage always reproduces. Not thread-safe; one instance per run.
 */
public final class SpeciesStagnation {

    /** Ids and stagnation flags of one generation's species, in species order. */
    public record Observation(int[] ids, boolean[] stagnant) {
    }

    private final int limit;
    private final double minImprovement;
    private final Map<Integer, double[]> history = new HashMap<>();
    private int nextId;
    private int generation;

    /**
     * @param limit          generations without improvement after which a species stagnates, >= 1
     * @param minImprovement least increase of a species' best fitness that counts as an improvement, >= 0
     */
    public SpeciesStagnation(int limit, double minImprovement) {
        if (limit < 1) {
            throw new IllegalArgumentException("stagnation limit must be >= 1, got " + limit);
        }
        if (!(minImprovement >= 0) || Double.isInfinite(minImprovement)) {
            throw new IllegalArgumentException("minImprovement must be finite and >= 0, got " + minImprovement);
        }
        this.limit = limit;
        this.minImprovement = minImprovement;
    }

    /**
     * Records one generation.
     *
     * @param lineage species id each genome came from (-1 for none, e.g. the first generation)
     * @param species member indices of each species, founder first, in assignment order
     * @param fitness fitness of each genome
     */
    public Observation observe(int[] lineage, List<int[]> species, double[] fitness) {
        if (lineage.length != fitness.length) {
            throw new IllegalArgumentException("lineage and fitness must have the same length, got " + lineage.length
                    + " and " + fitness.length);
        }
        int[] ids = new int[species.size()];
        Set<Integer> claimed = new HashSet<>();
        for (int s = 0; s < species.size(); s++) {
            int[] members = species.get(s);
            if (members.length == 0) {
                throw new IllegalArgumentException("species " + s + " has no members");
            }
            int inherited = lineage[members[0]];
            ids[s] = inherited >= 0 && history.containsKey(inherited) && claimed.add(inherited) ? inherited : nextId++;
            claimed.add(ids[s]);
        }
        int bestSpecies = -1;
        double bestFitness = Double.NEGATIVE_INFINITY;
        boolean[] stagnant = new boolean[species.size()];
        Map<Integer, double[]> next = new HashMap<>();
        for (int s = 0; s < species.size(); s++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int i : species.get(s)) {
                best = Math.max(best, fitness[i]);
            }
            if (best > bestFitness) {
                bestFitness = best;
                bestSpecies = s;
            }
            double[] h = history.get(ids[s]);
            if (h == null || best > h[0] + minImprovement) {
                h = new double[] {best, generation};
            }
            next.put(ids[s], h);
            stagnant[s] = generation - h[1] >= limit;
        }
        if (bestSpecies >= 0) {
            stagnant[bestSpecies] = false;
        }
        history.clear();
        history.putAll(next);
        generation++;
        return new Observation(ids, stagnant);
    }

    /** What the rule carries between generations ({@link SpeciationControl#state()}). */
    public Map<String, Object> state() {
        List<Object> species = new ArrayList<>();
        new java.util.TreeMap<>(history).forEach((id, h) -> species.add(List.of(id, ControlState.bits(h[0]),
                ControlState.bits(h[1]))));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nextId", nextId);
        m.put("generation", generation);
        m.put("history", species);
        return m;
    }

    /** Continues from {@link #state()} of a rule with the same limit. */
    public void restore(Map<String, Object> m) {
        nextId = ControlState.integer(m, "nextId");
        generation = ControlState.integer(m, "generation");
        history.clear();
        for (Object o : ControlState.list(m, "history")) {
            List<?> h = (List<?>) o;
            history.put(((Number) h.get(0)).intValue(), new double[] {ControlState.real(h.get(1)),
                ControlState.real(h.get(2))});
        }
    }
}
