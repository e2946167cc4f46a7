package nas.sim.genome;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas.sim.config.Activation;
import nas.sim.control.FixedBrainGenome;

/**
 * The genome's JSON form, close to the reference's camelCase layout (spec 2): nodes with
 * {@code size, friction, position{x,y,z}}, muscles with {@code nodeA, nodeB} (node indices), the muscle
 * genes, {@code globalFrequencyMultiplier}, {@code controllerType} and the brain under {@code neuralGenome}
 * with a {@code type} tag. Doubles are written in shortest round-trip form, so a decoded genome simulates to
 * exactly the same fitness.
 */
public final class GenomeJson {

    /**
     * Writes doubles with Jackson's fast writer (Schubfach): the shortest decimal that reads back to the same
     * double, about three times faster than {@code Double.toString}, which was the largest cost of storing a
     * run's genomes (brains are hundreds of doubles). Reading is unchanged.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    private final List<BrainJsonCodec> codecs;

    public GenomeJson(List<BrainJsonCodec> codecs) {
        this.codecs = List.copyOf(codecs);
    }

    /** The codec set with the fixed-topology and the NEAT brain. */
    public static GenomeJson standard() {
        return new GenomeJson(List.of(new FixedBrainCodec(), new nas.sim.neat.NeatBrainCodec()));
    }

    public String toJson(CreatureGenome g) {
        try {
            return MAPPER.writeValueAsString(toMap(g));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("genome could not be written as JSON", e);
        }
    }

    public CreatureGenome fromJson(String json) {
        try {
            return fromMap(MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a genome JSON document: " + e.getOriginalMessage(), e);
        }
    }

    public Map<String, Object> toMap(CreatureGenome g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generation", g.generation());
        m.put("survivalStreak", g.survivalStreak());
        List<Object> nodes = new ArrayList<>();
        for (NodeGene n : g.nodes()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("size", n.size());
            o.put("friction", n.friction());
            o.put("position", xyz(n.x(), n.y(), n.z()));
            nodes.add(o);
        }
        m.put("nodes", nodes);
        List<Object> muscles = new ArrayList<>();
        for (MuscleGene u : g.muscles()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("nodeA", u.nodeA());
            o.put("nodeB", u.nodeB());
            o.put("restLength", u.restLength());
            o.put("stiffness", u.stiffness());
            o.put("damping", u.damping());
            o.put("frequency", u.frequency());
            o.put("amplitude", u.amplitude());
            o.put("phase", u.phase());
            o.put("directionBias", xyz(u.directionBiasX(), u.directionBiasY(), u.directionBiasZ()));
            o.put("biasStrength", u.biasStrength());
            o.put("velocityBias", xyz(u.velocityBiasX(), u.velocityBiasY(), u.velocityBiasZ()));
            o.put("velocityStrength", u.velocityStrength());
            o.put("distanceBias", u.distanceBias());
            o.put("distanceStrength", u.distanceStrength());
            muscles.add(o);
        }
        m.put("muscles", muscles);
        m.put("globalFrequencyMultiplier", g.globalFrequencyMultiplier());
        m.put("controllerType", g.controllerType());
        if (g.brain() != null) {
            m.put("neuralGenome", brainMap(g.brain()));
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    public CreatureGenome fromMap(Map<String, Object> m) {
        List<NodeGene> nodes = new ArrayList<>();
        for (Object o : list(m, "nodes")) {
            Map<String, Object> n = (Map<String, Object>) o;
            Map<String, Object> p = (Map<String, Object>) n.get("position");
            nodes.add(new NodeGene(num(n, "size"), num(n, "friction"), num(p, "x"), num(p, "y"), num(p, "z")));
        }
        List<MuscleGene> muscles = new ArrayList<>();
        for (Object o : list(m, "muscles")) {
            Map<String, Object> u = (Map<String, Object>) o;
            Map<String, Object> d = (Map<String, Object>) u.get("directionBias");
            Map<String, Object> v = (Map<String, Object>) u.get("velocityBias");
            muscles.add(new MuscleGene((int) num(u, "nodeA"), (int) num(u, "nodeB"), num(u, "restLength"),
                    num(u, "stiffness"), num(u, "damping"), num(u, "frequency"), num(u, "amplitude"),
                    num(u, "phase"), num(d, "x"), num(d, "y"), num(d, "z"), num(u, "biasStrength"), num(v, "x"),
                    num(v, "y"), num(v, "z"), num(u, "velocityStrength"), num(u, "distanceBias"),
                    num(u, "distanceStrength")));
        }
        BrainGenome brain = null;
        Object b = m.get("neuralGenome");
        if (b != null) {
            brain = brainFromMap((Map<String, Object>) b);
        }
        int generation = m.containsKey("generation") ? (int) num(m, "generation") : 0;
        int streak = m.containsKey("survivalStreak") ? (int) num(m, "survivalStreak") : 0;
        return new CreatureGenome(nodes, muscles, num(m, "globalFrequencyMultiplier"), brain, generation, streak);
    }

    /** A brain's JSON object alone, with its {@code type} tag (as under {@code neuralGenome}). */
    String brainJson(BrainGenome brain) {
        try {
            return MAPPER.writeValueAsString(brainMap(brain));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("brain could not be written as JSON", e);
        }
    }

    /** The brain of {@link #brainJson}'s text. */
    BrainGenome brainFromJson(String text) {
        try {
            return brainFromMap(MAPPER.readValue(text, new TypeReference<Map<String, Object>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a brain JSON object: " + e.getOriginalMessage(), e);
        }
    }

    private Map<String, Object> brainMap(BrainGenome brain) {
        BrainJsonCodec codec = codecFor(brain);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("type", codec.type());
        b.putAll(codec.encode(brain));
        return b;
    }

    private BrainGenome brainFromMap(Map<String, Object> bm) {
        Object type = bm.get("type");
        BrainJsonCodec codec = codecs.stream().filter(c -> c.type().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown brain type '" + type + "'"));
        return codec.decode(bm);
    }

    private BrainJsonCodec codecFor(BrainGenome b) {
        return codecs.stream().filter(c -> c.supports(b)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no JSON codec for brain " + b.getClass().getName()));
    }

    private static Map<String, Object> xyz(double x, double y, double z) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("x", x);
        o.put("y", y);
        o.put("z", z);
        return o;
    }

    static double num(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("genome JSON: '" + key + "' must be a number, got " + v);
        }
        return n.doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof List<?>)) {
            throw new IllegalArgumentException("genome JSON: '" + key + "' must be a list, got " + v);
        }
        return (List<Object>) v;
    }

    /** A double array as a JSON-compatible list. */
    public static List<Double> list(double[] a) {
        List<Double> l = new ArrayList<>(a.length);
        for (double v : a) {
            l.add(v);
        }
        return l;
    }

    static double[] doubles(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("brain JSON: '" + key + "' must be a list of numbers, got " + v);
        }
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = ((Number) l.get(i)).doubleValue();
        }
        return a;
    }

    /** The fixed-topology brain: sizes, activation and the four flat arrays (spec 5.2 layout). */
    public static final class FixedBrainCodec implements BrainJsonCodec {
        @Override
        public String type() {
            return "fixed";
        }

        @Override
        public boolean supports(BrainGenome brain) {
            return brain instanceof FixedBrainGenome;
        }

        @Override
        public Map<String, Object> encode(BrainGenome brain) {
            FixedBrainGenome f = (FixedBrainGenome) brain;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("inputSize", f.inputCount());
            m.put("hiddenSize", f.hiddenCount());
            m.put("outputSize", f.outputCount());
            m.put("activation", f.activation().key());
            m.put("weightsIh", list(f.weightsIh()));
            m.put("biasesH", list(f.biasesH()));
            m.put("weightsHo", list(f.weightsHo()));
            m.put("biasesO", list(f.biasesO()));
            return m;
        }

        @Override
        public BrainGenome decode(Map<String, Object> m) {
            return new FixedBrainGenome((int) num(m, "inputSize"), (int) num(m, "hiddenSize"),
                    (int) num(m, "outputSize"), Activation.parse(String.valueOf(m.get("activation"))),
                    doubles(m, "weightsIh"), doubles(m, "biasesH"), doubles(m, "weightsHo"), doubles(m, "biasesO"));
        }
    }
}
