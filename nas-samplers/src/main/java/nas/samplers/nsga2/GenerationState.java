package nas.samplers.nsga2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generation's parents as {@link Nsga2Sampler} writes them to a study system attribute for
 * inspection: a generation number and its members,
 * {@code {"generation": 3, "members": [[number, violation, value_0, value_1, ...], ...]}}. Values
 * are in minimization form; violation is the total constraint violation (0 = feasible).
 */
record GenerationState(int generation, List<Member> members) {

    /** One evaluated trial. */
    record Member(int number, double violation, double[] values) {
        List<Object> toJson() {
            List<Object> row = new ArrayList<>(values.length + 2);
            row.add((long) number);
            row.add(violation);
            for (double v : values) {
                row.add(v);
            }
            return row;
        }

        static Member parse(Object json) {
            List<?> row = (List<?>) json;
            double[] values = new double[row.size() - 2];
            for (int i = 0; i < values.length; i++) {
                values[i] = ((Number) row.get(i + 2)).doubleValue();
            }
            return new Member(((Number) row.get(0)).intValue(), ((Number) row.get(1)).doubleValue(), values);
        }
    }

    static final GenerationState EMPTY = new GenerationState(0, List.of());

    static GenerationState parse(Object json) {
        if (json == null) {
            return EMPTY;
        }
        if (!(json instanceof Map<?, ?> m) || !(m.get("members") instanceof List<?> list)) {
            throw new IllegalStateException("NSGA-II state attribute is not {generation, members}: " + json);
        }
        List<Member> members = new ArrayList<>(list.size());
        for (Object o : list) {
            members.add(Member.parse(o));
        }
        return new GenerationState(((Number) m.get("generation")).intValue(), List.copyOf(members));
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generation", (long) generation);
        List<Object> rows = new ArrayList<>(members.size());
        for (Member member : members) {
            rows.add(member.toJson());
        }
        m.put("members", rows);
        return m;
    }

    /**
     * Elitist (mu + lambda) survival: the next generation's population, made of the
     * {@code size} best of {@code population} and {@code offspring} together.
     */
    static GenerationState survivors(GenerationState population, GenerationState offspring, int size) {
        List<Member> pool = new ArrayList<>(population.members());
        pool.addAll(offspring.members());
        double[][] values = new double[pool.size()][];
        double[] violations = new double[pool.size()];
        for (int i = 0; i < pool.size(); i++) {
            values[i] = pool.get(i).values();
            violations[i] = pool.get(i).violation();
        }
        List<Member> survivors = new ArrayList<>(size);
        for (int i : Selection.survivors(values, violations, size)) {
            survivors.add(pool.get(i));
        }
        return new GenerationState(population.generation() + 1, List.copyOf(survivors));
    }
}
