package nas.ga;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes genomes into weights for one worker. It keeps the states of the genomes it built last in a
 * least-recently-used cache, so a child whose parent is cached costs one copy and one mutation; a
 * genome whose ancestors are not cached is rebuilt from the nearest cached ancestor (or from its seed
 * chain's start). With capacity 0 every genome is replayed from scratch — the cost compact genomes
 * pay without a cache (and, with crossover, a replay of the whole lineage graph: exponential).
 * Not thread-safe: one builder per worker.
 */
public final class GenomeBuilder {

    private final Operators ops;
    private final int capacity;
    private final LinkedHashMap<Genome, GenomeState> cache;
    private final ArrayDeque<GenomeState> free = new ArrayDeque<>();
    private GenomeState lastUncached;
    private long operations;
    private long hits;

    /**
     *
     * @param ops the operators that decode genomes
     * @param capacity genomes kept (0: none)
     */
    public GenomeBuilder(Operators ops, int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("cache capacity must be >= 0, got " + capacity);
        }
        this.ops = ops;
        this.capacity = capacity;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Genome, GenomeState> eldest) {
                if (size() > GenomeBuilder.this.capacity) {
                    free.push(eldest.getValue());
                    return true;
                }
                return false;
            }
        };
    }

    /**
     * The state of {@code genome}, owned by this builder: read it, do not modify it, and do not keep it
     * past the next call.
     *
     * @param genome the genome to decode
     * @return the genome's decoded state
     */
    public GenomeState build(Genome genome) {
        GenomeState cached = cache.get(genome);
        if (cached != null) {
            hits++;
            return cached;
        }
        GenomeState s = materialize(genome);
        if (capacity > 0) {
            cache.put(genome, s);
        } else {
            if (lastUncached != null) {
                free.push(lastUncached);
            }
            lastUncached = s;
        }
        return s;
    }

    /**
     * Operations (initialisations, mutations, crossovers) applied so far.
     *
     * @return the count
     */
    public long operations() {
        return operations;
    }

    /**
     * Genomes found in the cache.
     *
     * @return the count
     */
    public long hits() {
        return hits;
    }

    private GenomeState materialize(Genome genome) {
        ArrayDeque<Genome> path = new ArrayDeque<>();
        Genome g = genome;
        while (g.kind == Genome.Kind.MUTATE && !cache.containsKey(g)) {
            path.push(g);
            g = g.parent;
        }
        GenomeState s = free.isEmpty() ? ops.newState() : free.pop();
        GenomeState cached = cache.get(g);
        if (cached != null) {
            hits++;
            s.copyFrom(cached);
        } else if (g.kind == Genome.Kind.INIT) {
            ops.init(s, g.seed);
            operations++;
        } else {
            // a crossover: copy the first parent before building the mate, which may evict it
            s.copyFrom(build(g.parent));
            ops.cross(s, build(g.other), g.seed);
            operations++;
        }
        while (!path.isEmpty()) {
            ops.mutate(s, path.pop().seed);
            operations++;
        }
        return s;
    }
}
