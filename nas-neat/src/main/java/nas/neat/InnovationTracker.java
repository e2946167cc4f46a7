package nas.neat;

import java.util.HashMap;
import java.util.Map;

/**
 * Population-wide source of NEAT innovation numbers (spec §7.7).
 *
 * <p>One counter numbers every new structure. Within a generation a cache makes the same structural
 * change get the same number in every genome: a new connection is keyed on its pair of
 * <em>genome-local</em> neuron ids (as the reference does), a neuron created by splitting a connection
 * is keyed on the innovation of the split connection. {@link #endGeneration()} clears that cache, so
 * the same change made in a later generation gets a fresh number; the counter itself never goes back.
 * The input, output and bias neurons every genome is created with are numbered once per id and keep
 * that number for the tracker's lifetime.
 *
 * <p>Not thread-safe: breeding (the only caller) runs sequentially so that numbering does not depend
 * on the number of threads.
 */
public final class InnovationTracker {

    private int next;
    private final Map<Long, Integer> connectionCache = new HashMap<>();
    private final Map<Integer, Integer> splitCache = new HashMap<>();
    private final Map<Integer, Integer> initialNeurons = new HashMap<>();

    /** A tracker whose first number is 0. */
    public InnovationTracker() {
        this(0);
    }

    /** A tracker whose first number is {@code first} (for restoring a saved population). */
    public InnovationTracker(int first) {
        if (first < 0) {
            throw new IllegalArgumentException("first innovation number must be >= 0, got " + first);
        }
        this.next = first;
    }

    /**
     * A tracker restored between generations (its per-generation cache is empty then): the next number and
     * the numbers of the initial neurons, as {@link #nextInnovation()} and {@link #initialNeurons()} gave them.
     */
    public InnovationTracker(int next, Map<Integer, Integer> initialNeurons) {
        this(next);
        for (Map.Entry<Integer, Integer> e : initialNeurons.entrySet()) {
            if (e.getValue() < 0 || e.getValue() >= next) {
                throw new IllegalArgumentException("initial neuron " + e.getKey() + " has innovation " + e.getValue()
                        + ", outside 0.." + (next - 1));
            }
            this.initialNeurons.put(e.getKey(), e.getValue());
        }
    }

    /** Innovation number of a connection {@code from -> to} (genome-local ids), cached within the generation. */
    public int connection(int from, int to) {
        long key = ((long) from << 32) | (to & 0xffffffffL);
        Integer known = connectionCache.get(key);
        if (known != null) {
            return known;
        }
        int number = next++;
        connectionCache.put(key, number);
        return number;
    }

    /** Innovation number of the hidden neuron created by splitting connection {@code splitInnovation}. */
    public int splitNeuron(int splitInnovation) {
        Integer known = splitCache.get(splitInnovation);
        if (known != null) {
            return known;
        }
        int number = next++;
        splitCache.put(splitInnovation, number);
        return number;
    }

    /** Innovation number of an input, output or bias neuron with genome-local id {@code id} at creation. */
    public int initialNeuron(int id) {
        return initialNeurons.computeIfAbsent(id, k -> next++);
    }

    /** Innovation number of a neuron added outside any split (a new output, e.g. after a creature gained a muscle). */
    public int freshNeuron() {
        return next++;
    }

    /** Forgets this generation's structures; call once per generation after breeding. */
    public void endGeneration() {
        connectionCache.clear();
        splitCache.clear();
    }

    /** The numbers given to initial neurons, by genome-local id (a copy). */
    public Map<Integer, Integer> initialNeurons() {
        return new java.util.TreeMap<>(initialNeurons);
    }

    /** The number the next new structure will get. */
    public int nextInnovation() {
        return next;
    }
}
