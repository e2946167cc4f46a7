package nas.sim.evolution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nas.sim.genetics.AdaptiveMutation;
import nas.sim.genome.CreatureGenome;
import nas.sim.genome.GenomeJson;

/**
 * The JSON form of an {@link EvolutionState}. Genomes use {@link GenomeJson}; every double is written in
 * round-trip form (non-finite ones as the strings "NaN", "Infinity", "-Infinity"), so a decoded state
 * continues the run bit for bit.
 */
public final class EvolutionStateJson {

    /** Version of this layout, stored with it. */
    public static final int FORMAT = 1;

    /** Doubles in shortest round-trip form by Jackson's fast writer, as {@link GenomeJson} writes them. */
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();
    private final GenomeJson genomes = GenomeJson.standard();

    public String toJson(EvolutionState s) {
        List<Object> population = new ArrayList<>(s.population().size());
        for (CreatureGenome g : s.population()) {
            population.add(genomes.toMap(g));
        }
        return write(toMap(s, population, s.bestGenome() == null ? null : genomes.toMap(s.bestGenome())));
    }

    /**
     * The state as a JSON-ready map, its genomes given in the form the caller stores them: {@code population} (a
     * list, or null to leave it out) and {@code bestGenome} (or null).
     */
    Map<String, Object> toMap(EvolutionState s, Object population, Object bestGenome) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("generation", s.generation());
        if (population != null) {
            m.put("population", population);
        }
        m.put("parents", s.parents());
        if (!s.speciation().isEmpty()) {
            m.put("speciation", s.speciation());
        }
        m.put("bestEver", number(s.bestEver()));
        m.put("bestGenome", bestGenome);
        m.put("bestPelletSeed", s.bestPelletSeed());
        m.put("bestGeneration", s.bestGeneration());
        List<Object> history = new ArrayList<>();
        s.adaptive().history().forEach(h -> history.add(number(h)));
        // ordered maps, not Map.of: its order changes from one JVM to the next, and with it the checkpoint's text
        // (a run's export, two stores of the same state)
        m.put("adaptive", ordered("history", history, "boost", number(s.adaptive().boost()),
                "sinceChange", s.adaptive().sinceChange()));
        m.put("stagnation", ordered("bestThreshold", number(s.stagnation().bestThreshold()),
                "averageThreshold", number(s.stagnation().averageThreshold()), "stagnant", s.stagnation().stagnant()));
        if (s.innovation() != null) {
            Map<String, Object> neurons = new TreeMap<>();
            s.innovation().initialNeurons().forEach((id, number) -> neurons.put(String.valueOf(id), number));
            m.put("innovation", ordered("next", s.innovation().next(), "initialNeurons", neurons));
        }
        return m;
    }

    /** A map of {@code keysAndValues} (key, value, ...) in that order. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static String write(Map<String, Object> m) {
        try {
            return MAPPER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("checkpoint could not be written as JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    public EvolutionState fromJson(String json) {
        Map<String, Object> m = read(json);
        if (!(m.get("population") instanceof List<?> list)) {
            throw new IllegalArgumentException("checkpoint: no population");
        }
        List<CreatureGenome> population = new ArrayList<>();
        for (Object g : list) {
            population.add(genomes.fromMap((Map<String, Object>) g));
        }
        Object best = m.get("bestGenome");
        return fromMap(m, population, best == null ? null : genomes.fromMap((Map<String, Object>) best));
    }

    static Map<String, Object> read(String json) {
        Map<String, Object> m;
        try {
            m = MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a checkpoint JSON document: " + e.getOriginalMessage(), e);
        }
        if (!Integer.valueOf(FORMAT).equals(m.get("format"))) {
            throw new IllegalArgumentException("checkpoint format " + m.get("format") + " is not " + FORMAT);
        }
        return m;
    }

    /** The state of {@link #toMap}'s map, with its genomes decoded by the caller. */
    @SuppressWarnings("unchecked")
    EvolutionState fromMap(Map<String, Object> m, List<CreatureGenome> population, CreatureGenome bestGenome) {
        List<int[]> parents = null; // checkpoints written before parents were tracked have none
        if (m.get("parents") instanceof List<?> ps) {
            parents = new ArrayList<>(ps.size());
            for (Object p : ps) {
                parents.add(((List<Object>) p).stream().mapToInt(i -> ((Number) i).intValue()).toArray());
            }
        }
        Map<String, Object> a = (Map<String, Object>) m.get("adaptive");
        List<Double> history = new ArrayList<>();
        for (Object h : (List<Object>) a.get("history")) {
            history.add(decimal(h));
        }
        Map<String, Object> st = (Map<String, Object>) m.get("stagnation");
        EvolutionState.Innovation innovation = null;
        if (m.get("innovation") instanceof Map<?, ?> in) {
            Map<Integer, Integer> neurons = new TreeMap<>();
            ((Map<String, Object>) in.get("initialNeurons")).forEach((id, n) -> neurons.put(Integer.valueOf(id),
                    ((Number) n).intValue()));
            innovation = new EvolutionState.Innovation(((Number) in.get("next")).intValue(), neurons);
        }
        return new EvolutionState(((Number) m.get("generation")).intValue(), population, decimal(m.get("bestEver")),
                bestGenome,
                ((Number) m.get("bestPelletSeed")).longValue(), ((Number) m.get("bestGeneration")).intValue(),
                new AdaptiveMutation.State(history, decimal(a.get("boost")), ((Number) a.get("sinceChange")).intValue()),
                new StagnationMonitor.State(decimal(st.get("bestThreshold")), decimal(st.get("averageThreshold")),
                        ((Number) st.get("stagnant")).intValue()),
                innovation, parents, m.get("speciation") instanceof Map<?, ?> sp ? (Map<String, Object>) sp : null);
    }

    private static Object number(double v) {
        return Double.isFinite(v) ? (Object) v : Double.toString(v);
    }

    private static double decimal(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof String s) {
            return Double.parseDouble(s);
        }
        throw new IllegalArgumentException("checkpoint: expected a number, got " + o);
    }
}
