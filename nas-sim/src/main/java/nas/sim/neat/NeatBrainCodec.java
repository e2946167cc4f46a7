package nas.sim.neat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nas.neat.BiasMode;
import nas.neat.ConnectionGene;
import nas.neat.NeatGenome;
import nas.neat.NeuronGene;
import nas.neat.NeuronType;
import nas.sim.genome.BrainGenome;
import nas.sim.genome.BrainJsonCodec;

/**
 * JSON form of a NEAT brain, with the reference's field names ({@code neatGenome}: neurons
 * {@code {id, type, bias, innovation}}, connections {@code {from_node, to_node, weight, enabled, innovation}}).
 * Decoding validates the genome (unknown neurons, cycles).
 */
public final class NeatBrainCodec implements BrainJsonCodec {

    @Override
    public String type() {
        return "neat";
    }

    @Override
    public boolean supports(BrainGenome brain) {
        return brain instanceof NeatBrain;
    }

    @Override
    public Map<String, Object> encode(BrainGenome brain) {
        NeatGenome g = ((NeatBrain) brain).genomeView();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("biasMode", g.biasMode().key());
        m.put("activation", "tanh");
        List<Object> neurons = new ArrayList<>();
        for (NeuronGene n : g.neurons()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("id", n.id());
            j.put("type", n.type().name().toLowerCase(Locale.ROOT));
            j.put("bias", n.bias());
            j.put("innovation", n.innovation());
            neurons.add(j);
        }
        m.put("neurons", neurons);
        List<Object> conns = new ArrayList<>();
        for (ConnectionGene c : g.connections()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("from_node", c.from());
            j.put("to_node", c.to());
            j.put("weight", c.weight());
            j.put("enabled", c.enabled());
            j.put("innovation", c.innovation());
            conns.add(j);
        }
        m.put("connections", conns);
        return m;
    }

    @Override
    public BrainGenome decode(Map<String, Object> json) {
        BiasMode mode = BiasMode.parse(String.valueOf(json.get("biasMode")));
        List<NeuronGene> neurons = new ArrayList<>();
        for (Map<String, Object> j : maps(json, "neurons")) {
            neurons.add(new NeuronGene(integer(j, "id"),
                    NeuronType.valueOf(String.valueOf(j.get("type")).toUpperCase(Locale.ROOT)),
                    number(j, "bias"), integer(j, "innovation")));
        }
        List<ConnectionGene> conns = new ArrayList<>();
        for (Map<String, Object> j : maps(json, "connections")) {
            Object enabled = j.get("enabled");
            if (!(enabled instanceof Boolean e)) {
                throw new IllegalArgumentException("NEAT JSON: 'enabled' must be a boolean, got " + enabled);
            }
            conns.add(new ConnectionGene(integer(j, "from_node"), integer(j, "to_node"), number(j, "weight"), e,
                    integer(j, "innovation")));
        }
        return NeatBrain.of(new NeatGenome(mode, neurons, conns));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("NEAT JSON: '" + key + "' must be a list, got " + v);
        }
        List<Map<String, Object>> out = new ArrayList<>(l.size());
        for (Object o : l) {
            if (!(o instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("NEAT JSON: entries of '" + key + "' must be objects, got " + o);
            }
            out.add((Map<String, Object>) o);
        }
        return out;
    }

    private static double number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("NEAT JSON: '" + key + "' must be a number, got " + v);
        }
        return n.doubleValue();
    }

    private static int integer(Map<String, Object> m, String key) {
        double d = number(m, key);
        if (d != Math.rint(d)) {
            throw new IllegalArgumentException("NEAT JSON: '" + key + "' must be an integer, got " + d);
        }
        return (int) d;
    }
}
