package nas.neat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A NEAT genome as plain maps and lists (for JSON): {@code bias_mode}, {@code neurons} (id, type, activation,
 * bias, innovation) and {@code connections} (from, to, weight, enabled, innovation). {@link #fromMap} reads it
 * back into the same genome.
 */
public final class NeatGenomeJson {

    private NeatGenomeJson() {
    }

    public static Map<String, Object> toMap(NeatGenome g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bias_mode", g.biasMode().key());
        m.put("inputs", g.inputCount());
        m.put("outputs", g.outputCount());
        m.put("hidden", g.hiddenCount());
        m.put("enabled_connections", g.enabledConnectionCount());
        List<Object> neurons = new ArrayList<>();
        for (NeuronGene n : g.neurons()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", n.id());
            o.put("type", n.type().name().toLowerCase(Locale.ROOT));
            o.put("activation", n.activation().key());
            o.put("bias", n.bias());
            o.put("innovation", n.innovation());
            neurons.add(o);
        }
        m.put("neurons", neurons);
        List<Object> conns = new ArrayList<>();
        for (ConnectionGene c : g.connections()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("from", c.from());
            o.put("to", c.to());
            o.put("weight", c.weight());
            o.put("enabled", c.enabled());
            o.put("innovation", c.innovation());
            conns.add(o);
        }
        m.put("connections", conns);
        return m;
    }

    /** @throws IllegalArgumentException if a field is missing or invalid */
    public static NeatGenome fromMap(Map<?, ?> m) {
        List<NeuronGene> neurons = new ArrayList<>();
        for (Object o : list(m, "neurons")) {
            Map<?, ?> n = (Map<?, ?>) o;
            neurons.add(new NeuronGene(number(n, "id").intValue(),
                    NeuronType.valueOf(string(n, "type").toUpperCase(Locale.ROOT)),
                    number(n, "bias").doubleValue(), number(n, "innovation").intValue(),
                    Activation.parse(string(n, "activation"))));
        }
        List<ConnectionGene> conns = new ArrayList<>();
        for (Object o : list(m, "connections")) {
            Map<?, ?> c = (Map<?, ?>) o;
            Object enabled = c.get("enabled");
            conns.add(new ConnectionGene(number(c, "from").intValue(), number(c, "to").intValue(),
                    number(c, "weight").doubleValue(), Boolean.TRUE.equals(enabled), number(c, "innovation").intValue()));
        }
        return new NeatGenome(BiasMode.parse(string(m, "bias_mode")), neurons, conns);
    }

    private static List<?> list(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof List<?> l)) {
            throw new IllegalArgumentException("NEAT genome JSON needs a list '" + key + "'");
        }
        return l;
    }

    private static Number number(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof Number n)) {
            throw new IllegalArgumentException("NEAT genome JSON needs a number '" + key + "', got " + m.get(key));
        }
        return n;
    }

    private static String string(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof String s)) {
            throw new IllegalArgumentException("NEAT genome JSON needs a string '" + key + "', got " + m.get(key));
        }
        return s;
    }
}
