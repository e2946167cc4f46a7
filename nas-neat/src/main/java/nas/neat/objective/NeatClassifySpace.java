package nas.neat.objective;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nas.api.Trial;
import nas.neat.NeatMutationParams;
import nas.neat.NeatSettings;
import nas.neat.SpeciesTargetController;
import nas.neat.learn.BackpropSettings;
import nas.neat.learn.Inheritance;
import nas.neat.learn.NeatClassifier;
import nas.neat.learn.Optimizer;

/**
 * NEAT's settings as a define-by-run search space: mutation rates, compatibility threshold, species target mode
 * and gains (asked only when the mode uses them), backpropagation learning rate, steps, L2, optimizer,
 * inheritance and the complexity penalties; the population size too when asked.
 */
final class NeatClassifySpace {

    private final boolean searchPopulation;
    private final int population;

    NeatClassifySpace(boolean searchPopulation, int population) {
        this.searchPopulation = searchPopulation;
        this.population = population;
    }

    NeatClassifier suggest(Trial trial) {
        NeatSettings d = NeatSettings.classification();
        NeatMutationParams m = d.mutation();
        int pop = searchPopulation ? trial.suggestInt("population_size", 50, 300, 10) : population;
        double addNode = trial.suggestFloat("add_node_rate", 0.01, 0.6);
        double addConnection = trial.suggestFloat("add_connection_rate", 0.05, 0.9);
        double weightRate = trial.suggestFloat("weight_mutation_rate", 0.0, 0.5);
        double activationRate = trial.suggestFloat("activation_mutation_rate", 0.0, 0.5);
        double crossover = trial.suggestFloat("crossover_rate", 0.0, 0.9);
        double threshold = trial.suggestFloat("compatibility_threshold", 0.5, 6.0);
        String mode = trial.suggestCategorical("species_target_mode", List.of("off", "pid", "hill", "auto"));
        SpeciesTargetController.Params target = null;
        if (!mode.equals("off")) {
            SpeciesTargetController.Mode tm = SpeciesTargetController.Mode.parse(mode);
            SpeciesTargetController.Params p = SpeciesTargetController.Params.defaults(
                    trial.suggestInt("species_target", 2, 20), tm);
            if (tm != SpeciesTargetController.Mode.HILL) {
                p = new SpeciesTargetController.Params(p.target(), tm, trial.suggestFloat("pid_kp", 0.05, 1.0),
                        trial.suggestFloat("pid_ki", 0.0, 0.1), trial.suggestFloat("pid_kd", 0.0, 0.5),
                        p.integralLimit(), p.initialStep(), p.minStep(), p.maxStep(), p.epsilon(), p.rewardDecay(),
                        p.minThreshold(), p.maxThreshold());
            }
            target = p;
        }
        BackpropSettings backprop = new BackpropSettings(trial.suggestInt("steps", 10, 100),
                trial.suggestFloat("learning_rate", 1e-3, 0.1, true), trial.suggestFloat("l2", 1e-6, 1e-2, true),
                Optimizer.parse(trial.suggestCategorical("optimizer", List.of("adam", "sgd"))),
                Inheritance.parse(trial.suggestCategorical("inheritance", List.of("lamarckian", "baldwinian"))),
                trial.suggestFloat("alpha_nodes", 1e-4, 1e-2, true), trial.suggestFloat("alpha_edges", 1e-5, 5e-3, true));
        NeatSettings s = new NeatSettings(pop, d.connectivity(), d.biasMode(), d.outputActivation(),
                new NeatMutationParams(addNode, addConnection, m.enableRate(), m.disableRate(), m.weightMagnitude(),
                        m.maxHiddenNodes(), m.biasMutationRate(), m.biasMagnitude(), false),
                weightRate, activationRate, d.activations(), crossover, d.distance(), threshold, d.minSpeciesSize(),
                d.survivalRate(), target, d.stagnationLimit(), d.refineTop());
        return new NeatClassifier(s, backprop, NeatClassifier.defaults().refineSteps());
    }

    /** The value of every parameter in the default settings (for the two-phase workflow). */
    Map<String, Object> defaults() {
        NeatClassifier c = NeatClassifier.defaults();
        NeatSettings s = c.neat();
        BackpropSettings b = c.backprop();
        SpeciesTargetController.Params t = s.speciesTarget();
        Map<String, Object> m = new LinkedHashMap<>();
        if (searchPopulation) {
            m.put("population_size", s.populationSize());
        }
        m.put("add_node_rate", s.mutation().addNodeRate());
        m.put("add_connection_rate", s.mutation().addConnectionRate());
        m.put("weight_mutation_rate", s.weightMutationRate());
        m.put("activation_mutation_rate", s.activationMutationRate());
        m.put("crossover_rate", s.crossoverRate());
        m.put("compatibility_threshold", s.compatibilityThreshold());
        m.put("species_target_mode", t.mode().name().toLowerCase(Locale.ROOT));
        m.put("species_target", t.target());
        m.put("pid_kp", t.kp());
        m.put("pid_ki", t.ki());
        m.put("pid_kd", t.kd());
        m.put("steps", b.steps());
        m.put("learning_rate", b.learningRate());
        m.put("l2", b.l2());
        m.put("optimizer", b.optimizer().name().toLowerCase(Locale.ROOT));
        m.put("inheritance", b.inheritance().name().toLowerCase(Locale.ROOT));
        m.put("alpha_nodes", b.alphaNodes());
        m.put("alpha_edges", b.alphaEdges());
        return m;
    }
}
