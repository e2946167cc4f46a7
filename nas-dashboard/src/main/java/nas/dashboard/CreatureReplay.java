package nas.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nas.api.FrozenTrial;
import nas.sim.config.LabConfig;
import nas.sim.control.NeuralNetwork;
import nas.sim.genome.CreatureGenome;
import nas.sim.genome.GenomeJson;
import nas.sim.objective.EvolutionLabObjective;
import nas.sim.physics.CreatureSimulator;
import nas.sim.physics.EvaluationResult;
import nas.sim.physics.FitnessTracker;

/**
 * An Evolution Lab trial's best creature, re-simulated on the server exactly as evolution evaluated it (its
 * stored genome, configuration and pellet-stream seed) and sampled into frames for the browser: node
 * positions, the current pellet, pellets collected, the centre of mass, and the fitness terms at the end.
 */
final class CreatureReplay {

    /** Frames per simulated second sent to the browser. */
    static final int FPS = 30;

    private CreatureReplay() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> frames(FrozenTrial t) {
        Object genomeMap = t.userAttrs().get("best_genome");
        Object configMap = t.systemAttrs().get(EvolutionLabObjective.CONFIG_ATTR);
        Object seedText = t.userAttrs().get("best_genome_pellet_seed");
        if (!(genomeMap instanceof Map) || !(seedText instanceof String)) {
            throw new BadRequestException("trial " + t.number() + " holds no best creature (only evolution-lab trials do)");
        }
        if (!(configMap instanceof Map)) {
            throw new BadRequestException("trial " + t.number() + " did not store its configuration (system attribute '"
                    + EvolutionLabObjective.CONFIG_ATTR + "'; trials run before it existed cannot be replayed)");
        }
        LabConfig config = LabConfig.builder().setAll((Map<String, ?>) configMap).build();
        CreatureGenome genome = GenomeJson.standard().fromMap((Map<String, Object>) genomeMap);
        long pelletSeed = Long.parseLong((String) seedText);

        // the same sequence as PopulationEvaluator.evaluate -> CreatureSimulator.simulate, with frames taken
        CreatureSimulator sim = started(genome, config, pelletSeed);
        int steps = config.numSteps();
        int every = Math.max(1, (int) Math.round(1.0 / (FPS * config.timeStep())));
        List<Map<String, Object>> frames = new ArrayList<>();
        List<double[]> collections = new ArrayList<>();
        frames.add(frame(sim));
        if (!sim.disqualified()) {
            for (int s = 0; s < steps; s++) {
                double[] pellet = sim.pellet();
                int before = sim.pelletsCollected();
                sim.step();
                if (sim.pelletsCollected() > before) {
                    collections.add(new double[] {sim.time(), pellet[0], pellet[1], pellet[2]});
                }
                if ((s + 1) % every == 0 || s == steps - 1) {
                    frames.add(frame(sim));
                }
            }
        }
        EvaluationResult result = sim.result();
        FitnessTracker.Terms terms = sim.tracker().terms(config, result.comX(), result.comZ(), steps * config.timeStep(),
                sim.muscleCount());
        Map<String, Object> fitness = new LinkedHashMap<>();
        fitness.put("fitness", result.fitness());
        fitness.put("stored_fitness", t.userAttrs().get("best_genome_fitness"));
        fitness.put("pellets_collected", result.pelletsCollected());
        fitness.put("banked", terms.banked());
        fitness.put("progress", terms.progress());
        fitness.put("distance", terms.distance());
        fitness.put("efficiency_penalty", terms.efficiency());
        fitness.put("regression_penalty", terms.regression());
        fitness.put("distance_traveled", result.distanceTraveled());
        fitness.put("disqualified", result.disqualified());

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trial", t.number());
        out.put("seed", t.userAttrs().get("best_genome_seed"));
        out.put("generation", t.userAttrs().get("best_genome_generation"));
        out.put("dt", every * config.timeStep());
        out.put("muscles", muscles(sim));
        out.put("radii", radii(sim));
        out.put("frames", frames);
        out.put("collections", collections);
        out.put("final_com", new double[] {result.comX(), result.comZ()});
        out.put("fitness", fitness);
        return out;
    }

    /** A simulator started on {@code genome} with its pellet stream, as evaluation starts it; no step taken. */
    static CreatureSimulator started(CreatureGenome genome, LabConfig config, long pelletSeed) {
        CreatureSimulator sim = new CreatureSimulator();
        NeuralNetwork net = config.useNeuralNet() && genome.brain() != null ? genome.brain().newNetwork() : null;
        sim.reset(genome, net, config, new SplittableRandom(pelletSeed));
        return sim;
    }

    /** The simulated body's muscles, as the node pairs they join, for the page's drawing. */
    static List<int[]> muscles(CreatureSimulator sim) {
        List<int[]> muscles = new ArrayList<>();
        for (int m = 0; m < sim.muscleCount(); m++) {
            muscles.add(new int[] {sim.muscleNodeA(m), sim.muscleNodeB(m)});
        }
        return muscles;
    }

    /** The simulated body's node radii. */
    static List<Double> radii(CreatureSimulator sim) {
        List<Double> radii = new ArrayList<>();
        for (int i = 0; i < sim.nodeCount(); i++) {
            radii.add(sim.nodeRadius(i));
        }
        return radii;
    }

    private static Map<String, Object> frame(CreatureSimulator sim) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("t", sim.time());
        double[][] nodes = new double[sim.nodeCount()][];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = new double[] {sim.nodeX(i), sim.nodeY(i), sim.nodeZ(i)};
        }
        f.put("nodes", nodes);
        f.put("com", new double[] {sim.comX(), sim.comY(), sim.comZ()});
        f.put("pellet", sim.pellet());
        f.put("collected", sim.pelletsCollected());
        return f;
    }
}
