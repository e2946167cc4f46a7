package nas.ga;

import java.util.ArrayList;
import java.util.List;

/**
 * A compact genome: an individual is the chain of operations that made it — a random initialisation
 * from a seed, then mutations by seed (and crossovers with a second genome). The weights are never
 * stored here; {@link GenomeBuilder} replays the chain against the shared {@link NoiseTable}.
 * Immutable; identity is the individual (two children with the same seeds are still two nodes).
 */
public final class Genome {

    enum Kind { INIT, MUTATE, CROSS }

    final Kind kind;
    final Genome parent;
    final Genome other;
    final long seed;
    /** operations from the root along the first parents */
    final int depth;

    private Genome(Kind kind, Genome parent, Genome other, long seed) {
        this.kind = kind;
        this.parent = parent;
        this.other = other;
        this.seed = seed;
        this.depth = parent == null ? 0 : parent.depth + 1;
    }

    /**
     * A random individual.
     *
     * @param seed the operation's seed
     * @return the individual
     */
    public static Genome init(long seed) {
        return new Genome(Kind.INIT, null, null, seed);
    }

    /**
     * The chain {@code init(seeds[0])}, mutated by {@code seeds[1]}, then {@code seeds[2]}, ...
     *
     * @param seeds the initial seed, then each mutation seed
     * @return the individual at the end of the chain
     */
    public static Genome fromSeeds(long... seeds) {
        if (seeds.length == 0) {
            throw new IllegalArgumentException("a seed chain needs at least the initial seed");
        }
        Genome g = init(seeds[0]);
        for (int i = 1; i < seeds.length; i++) {
            g = g.mutate(seeds[i]);
        }
        return g;
    }

    /**
     * This individual mutated by {@code seed}.
     *
     * @param seed the operation's seed
     * @return the child
     */
    public Genome mutate(long seed) {
        return new Genome(Kind.MUTATE, this, null, seed);
    }

    /**
     * The crossover of this individual with {@code mate} by {@code seed}.
     *
     * @param mate the second parent
     * @param seed the operation's seed
     * @return the child
     */
    public Genome cross(Genome mate, long seed) {
        if (mate == null) {
            throw new IllegalArgumentException("a crossover needs a mate");
        }
        return new Genome(Kind.CROSS, this, mate, seed);
    }

    /**
     * The parent a child was mutated from (first parent of a crossover); null for a random individual.
     *
     * @return the parent, or null
     */
    public Genome parent() {
        return parent;
    }

    /**
     * Operations from the random individual at the root, along first parents.
     *
     * @return the depth (0 for a random individual)
     */
    public int depth() {
        return depth;
    }

    /**
     * The seed chain: initial seed, then each mutation's seed.
     *
     * @return the seed chain
     * @throws IllegalStateException when the lineage contains a crossover (then it is a graph, not a chain)
     */
    public long[] seeds() {
        List<Long> out = new ArrayList<>();
        for (Genome g = this; g != null; g = g.parent) {
            if (g.kind == Kind.CROSS) {
                throw new IllegalStateException("this lineage contains a crossover; it is not a single seed chain");
            }
            out.add(g.seed);
        }
        long[] seeds = new long[out.size()];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = out.get(seeds.length - 1 - i);
        }
        return seeds;
    }
}
