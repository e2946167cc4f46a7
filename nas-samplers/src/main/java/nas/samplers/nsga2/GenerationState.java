package nas.samplers.nsga2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The NSGA-II bookkeeping kept in one study system attribute, so a study resumes from storage and
 * several workers share a generation:
 *
 * <pre>{@code
 * {"generation": 3,
 *  "population": [{"number": 97, "values": [0.1, 0.8], "violation": 0.0}, ...],
 *  "offspring":  [{"number": 151, "values": [...], "violation": 0.0}, ...]}
 * }</pre>
 *
 * {@code population} holds the parents of the current generation's children (empty in generation
 * 0, whose children are sampled at random); {@code offspring} the COMPLETE children of the current
 * generation so far. Values are in minimization form. When {@code offspring} reaches the
 * population size, (mu + lambda) survival turns population and offspring into the next
 * generation's population.
 */
record GenerationState(int generation, List<Member> population, List<Member> offspring) {

    /** One evaluated trial: its number, objective values (minimization form) and total constraint violation. */
    record Member(int number, double[] values, double violation) {
        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", (long) number);
            List<Double> v = new ArrayList<>(values.length);
            for (double d : values) {
                v.add(d);
            }
            m.put("values", v);
            m.put("violation", violation);
            return m;
        }

        static Member parse(Object json) {
            Map<?, ?> m = (Map<?, ?>) json;
            List<?> v = (List<?>) m.get("values");
            double[] values = new double[v.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = ((Number) v.get(i)).doubleValue();
            }
            return new Member(((Number) m.get("number")).intValue(), values, ((Number) m.get("violation")).doubleValue());
        }
    }

    static final GenerationState INITIAL = new GenerationState(0, List.of(), List.of());

    static GenerationState parse(Object json) {
        if (json == null) {
            return INITIAL;
        }
        if (!(json instanceof Map<?, ?> m)) {
            throw new IllegalStateException("NSGA-II state attribute is not a JSON object: " + json);
        }
        return new GenerationState(((Number) m.get("generation")).intValue(), members(m.get("population")),
                members(m.get("offspring")));
    }

    private static List<Member> members(Object json) {
        List<Member> out = new ArrayList<>();
        for (Object o : (List<?>) json) {
            out.add(Member.parse(o));
        }
        return List.copyOf(out);
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generation", (long) generation);
        m.put("population", population.stream().map(Member::toJson).toList());
        m.put("offspring", offspring.stream().map(Member::toJson).toList());
        return m;
    }

    boolean hasOffspring(int number) {
        return offspring.stream().anyMatch(o -> o.number() == number);
    }

    /**
     * This state with {@code child} added to the offspring; when that completes the generation,
     * the next generation's state with the survivors of population and offspring as its population.
     */
    GenerationState withChild(Member child, int populationSize) {
        List<Member> children = new ArrayList<>(offspring);
        children.add(child);
        if (children.size() < populationSize) {
            return new GenerationState(generation, population, List.copyOf(children));
        }
        List<Member> pool = new ArrayList<>(population);
        pool.addAll(children);
        double[][] values = new double[pool.size()][];
        double[] violations = new double[pool.size()];
        for (int i = 0; i < pool.size(); i++) {
            values[i] = pool.get(i).values();
            violations[i] = pool.get(i).violation();
        }
        List<Member> survivors = new ArrayList<>(populationSize);
        for (int i : Selection.survivors(values, violations, populationSize)) {
            survivors.add(pool.get(i));
        }
        return new GenerationState(generation + 1, List.copyOf(survivors), List.of());
    }
}
