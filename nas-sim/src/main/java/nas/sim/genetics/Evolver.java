package nas.sim.genetics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import java.util.random.RandomGenerator;

import nas.neat.RankRoulette;
import nas.neat.Selection;
import nas.neat.Speciation;
import nas.neat.SpeciationControl;
import nas.sim.config.LabConfig;
import nas.sim.config.SelectionMethod;
import nas.sim.control.SensorLayout;
import nas.sim.genome.BrainGenome;
import nas.sim.genome.CreatureGenome;

/**
 * One generation of the genetic algorithm ({@code evolve_population}, spec 7.1). Runs sequentially with
 * one random stream, so the result depends only on the inputs and the stream, never on threads.
 */
public final class Evolver {

    private final LabConfig config;
    private final BrainOperators brains;
    private final BodyMutation bodyMutation;
    private final BodyCrossover bodyCrossover;
    private final int inputs;
    private final SpeciationControl speciationControl;
    private int lastSpeciesCount = -1;
    private int[][] lastParents = new int[0][];

    public Evolver(LabConfig config, BrainOperators brains) {
        this(config, brains, SpeciationControl.NONE);
    }

    /** An Evolver whose speciation is steered by {@code speciationControl} (NEAT species target, stagnation). */
    public Evolver(LabConfig config, BrainOperators brains, SpeciationControl speciationControl) {
        this.config = config;
        this.brains = brains;
        this.speciationControl = speciationControl;
        this.bodyMutation = new BodyMutation(config);
        this.bodyCrossover = new BodyCrossover(config);
        this.inputs = SensorLayout.inputCount(config);
    }

    /** Species in the population bred last (speciation selection), else -1. */
    public int lastSpeciesCount() {
        return lastSpeciesCount;
    }

    /**
     * The parents of each genome {@link #evolve} bred last, same order, as indices into the population it bred
     * from: one index for a survivor (the same genome, passed on) or a clone, two for a crossover.
     */
    public int[][] lastParents() {
        return lastParents.clone();
    }

    /** The speciation steering's state between generations (empty without steering), for checkpoints. */
    public java.util.Map<String, Object> speciationState() {
        return speciationControl.state();
    }

    /** Continues the speciation steering from {@link #speciationState()}. */
    public void restoreSpeciation(java.util.Map<String, Object> state) {
        speciationControl.restore(state);
    }

    public BrainOperators brains() {
        return brains;
    }

    /**
     * Genome distance for speciation and sharing: the brain distance when both have a brain, else the
     * body distance 0.3|dNodes| + 0.2|dMuscles| + 0.5|dGfm| (spec 7.2).
     */
    public double distance(CreatureGenome a, CreatureGenome b) {
        if (a.brain() != null && b.brain() != null) {
            return brains.distance(a.brain(), b.brain());
        }
        return 0.3 * Math.abs(a.nodes().size() - b.nodes().size())
                + 0.2 * Math.abs(a.muscles().size() - b.muscles().size())
                + 0.5 * Math.abs(a.globalFrequencyMultiplier() - b.globalFrequencyMultiplier());
    }

    /**
     * Breeds the next generation.
     *
     * @param population the evaluated generation
     * @param fitness    its fitness, same order
     * @param generation the index of the generation being bred (decay schedules)
     * @param boost      the adaptive-mutation boost (1 when off)
     */
    public List<CreatureGenome> evolve(List<CreatureGenome> population, double[] fitness, int generation,
            double boost, RandomGenerator rng) {
        if (population.size() != fitness.length) {
            throw new IllegalArgumentException("population has " + population.size() + " genomes but "
                    + fitness.length + " fitness values");
        }
        ToDoubleBiFunction<CreatureGenome, CreatureGenome> dist = this::distance;
        // rule 1: optional fitness sharing gives the selection fitness (never with NEAT)
        double[] sel = config.effectiveFitnessSharing()
                ? FitnessSharing.share(population, fitness, dist, config.sharingRadius())
                : fitness.clone();
        int target = config.populationSize();
        List<CreatureGenome> next = new ArrayList<>(target);
        List<int[]> parentsOf = new ArrayList<>(target);
        SelectionMethod method = config.effectiveSelectionMethod();
        if (method == SelectionMethod.SPECIATION) {
            Speciation.Plan plan = Speciation.plan(population, sel, dist,
                    speciationControl.threshold(config.compatibilityThreshold()),
                    config.minSpeciesSize(), config.survivalRate(), target);
            int[] offspring = speciationControl.offspring(plan, sel, rng);
            lastSpeciesCount = plan.species().size();
            // rule 3: survivors pass unchanged
            for (int i : plan.allSurvivors()) {
                next.add(population.get(i).survived());
                parentsOf.add(new int[] {i});
            }
            // breeding within each species from all its members, culled ones included (reference quirk)
            for (int k = 0; k < plan.species().size(); k++) {
                int[] members = plan.species().get(k);
                breed(population, sel, Breeders.of(sel, members), offspring[k], generation, boost, rng, next,
                        parentsOf);
            }
        } else {
            lastSpeciesCount = -1;
            // rule 2: survivor selection
            int count = Selection.survivorCount(population.size(), config.survivalRate());
            int[] survivors = method == SelectionMethod.TOURNAMENT
                    ? Selection.tournament(sel, count, config.tournamentSize(), rng)
                    : Selection.truncation(sel, count);
            for (int i : survivors) {
                next.add(population.get(i).survived());
                parentsOf.add(new int[] {i});
            }
            // rule 4: fill with offspring of rank-weighted survivors
            Breeders parents = config.compatRankPairing()
                    ? Breeders.referencePairing(sel, survivors)
                    : Breeders.of(sel, survivors);
            breed(population, sel, parents, target - next.size(), generation, boost, rng, next, parentsOf);
        }
        brains.endGeneration();
        lastParents = parentsOf.toArray(int[][]::new);
        return next;
    }

    /**
     * Rule 4: each offspring is, with probability crossover_rate (if crossover is on and there are at least
     * 2 candidates), the crossover of two rank-weighted parents (up to 10 retries for distinct parents),
     * else a clone of one; every offspring is then mutated.
     */
    private void breed(List<CreatureGenome> population, double[] sel, Breeders parents, int count, int generation,
            double boost, RandomGenerator rng, List<CreatureGenome> out, List<int[]> parentsOut) {
        if (count <= 0) {
            return;
        }
        int[] candidates = parents.candidates();
        RankRoulette roulette = new RankRoulette(parents.rankFitness());
        for (int c = 0; c < count; c++) {
            CreatureGenome child;
            if (config.useCrossover() && candidates.length >= 2 && rng.nextDouble() < config.crossoverRate()) {
                int a = roulette.pick(rng);
                int b = roulette.pick(rng);
                for (int retry = 0; retry < 10 && b == a; retry++) {
                    b = roulette.pick(rng);
                }
                child = crossover(population.get(candidates[a]), sel[candidates[a]],
                        population.get(candidates[b]), sel[candidates[b]], rng);
                parentsOut.add(new int[] {candidates[a], candidates[b]});
            } else {
                int a = candidates[roulette.pick(rng)];
                child = cloneOf(population.get(a), rng);
                parentsOut.add(new int[] {a});
            }
            out.add(mutate(child, generation, boost, rng));
        }
    }

    /** Body crossover (spec 7.3) and neural crossover (spec 7.4), then the brain adapted to the child's muscles. */
    public CreatureGenome crossover(CreatureGenome p1, double f1, CreatureGenome p2, double f2, RandomGenerator rng) {
        BodyMutation.Body body = bodyCrossover.cross(p1, p2, rng);
        BrainGenome brain;
        if (p1.brain() != null && p2.brain() != null) {
            brain = brains.crossover(p1.brain(), f1, p2.brain(), f2, rng);
        } else {
            brain = p1.brain();
        }
        if (brain != null) {
            brain = brains.adapt(brain, body.muscleSource(), rng);
        }
        return new CreatureGenome(body.nodes(), body.muscles(), body.globalFrequencyMultiplier(), brain,
                Math.max(p1.generation(), p2.generation()) + 1, 0);
    }

    /** Clone (spec 7.6): capped body, generation + 1, brain adapted to the muscle count. */
    public CreatureGenome cloneOf(CreatureGenome p, RandomGenerator rng) {
        BodyMutation.Body body = bodyCrossover.cloneBody(p);
        BrainGenome brain = p.brain() == null ? null : brains.adapt(p.brain(), body.muscleSource(), rng);
        return new CreatureGenome(body.nodes(), body.muscles(), body.globalFrequencyMultiplier(), brain,
                p.generation() + 1, 0);
    }

    /** Body value and structural mutation (spec 7.5), brain adaptation, then weight mutation. */
    public CreatureGenome mutate(CreatureGenome g, int generation, double boost, RandomGenerator rng) {
        BodyMutation.Body body = bodyMutation.mutate(g.nodes(), g.muscles(), g.globalFrequencyMultiplier(), boost, rng);
        BrainGenome brain = g.brain();
        int muscles = body.muscles().size();
        if (brain == null && config.useNeuralNet() && muscles > 0) {
            brain = brains.create(inputs, muscles, rng);
        } else if (brain != null) {
            brain = brains.adapt(brain, body.muscleSource(), rng);
            brain = brains.mutate(brain, generation, boost, rng);
        }
        return new CreatureGenome(body.nodes(), body.muscles(), body.globalFrequencyMultiplier(), brain,
                g.generation(), 0);
    }
}
