package nas.sim.objective;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nas.api.StudyDirection;
import nas.api.objective.ObjectiveDefinition;
import nas.api.objective.ObjectiveOptions;
import nas.api.objective.ObjectivePlugin;
import nas.sim.config.LabConfig;
import nas.sim.config.NeuralMode;
import nas.sim.config.Presets;

/**
 * The {@code evolution-lab} objective: tunes the Evolution Lab's genetic algorithm and controller (see
 * {@link LabSearchSpace}), maximising the mean best-ever fitness over seeds, optionally also the
 * behavioural diversity of the final generation.
 */
public final class EvolutionLabPlugin implements ObjectivePlugin {

    @Override
    public String name() {
        return "evolution-lab";
    }

    @Override
    public String description() {
        return "Evolution Lab creatures: mean best-ever fitness over seeds (optionally + behavioural diversity)";
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("generations", "generations per seed (default 30)");
        m.put("population-size", "creatures per generation (default 300), or 'search' to search 100-1000");
        m.put("seeds", "seeds per trial, the first of 42,123,456,789,1337 (default 2; at most 1000)");
        m.put("mode", "pure, hybrid or neat (default pure)");
        m.put("tiers", "parameter tiers searched, comma-separated subset of 1,2,3,4 (default 1,2,3,4)");
        m.put("objectives", "fitness, or fitness,diversity for two objectives (default fitness)");
        m.put("base", "preset the fixed settings come from (default pure_baseline / hybrid_baseline / neat_baseline)");
        m.put("threads", "threads evaluating creatures (default: all cores)");
        return m;
    }

    /** A single-objective trial reports its running value once a generation. */
    @Override
    public java.util.Optional<nas.api.objective.TrialSteps> trialSteps(ObjectiveOptions options) {
        int generations = options.getInt("generations", 30);
        return generations < 1 ? java.util.Optional.empty()
                : java.util.Optional.of(new nas.api.objective.TrialSteps("generation", generations));
    }

    @Override
    public ObjectiveDefinition create(ObjectiveOptions options) {
        options.requireOnly(name(), options().keySet());
        int generations = options.getInt("generations", 30);
        boolean searchPopulation = options.getString("population-size", "").trim().equals("search");
        int population = searchPopulation ? 300 : options.getInt("population-size", 300);
        int seeds = options.getInt("seeds", 2);
        int threads = options.getInt("threads", nas.api.Limits.defaultThreads());
        nas.api.Limits.requireAtMost("option 'threads' of objective 'evolution-lab'", threads,
                nas.api.Limits.MAX_THREADS);
        nas.api.Limits.requireAtMost("option 'seeds' of objective 'evolution-lab'", seeds, nas.api.Limits.MAX_SEEDS);
        if (generations < 1 || population < 2 || seeds < 1 || threads < 1) {
            throw new IllegalArgumentException("evolution-lab needs generations >= 1, population-size >= 2, "
                    + "seeds >= 1 and threads >= 1, but got " + generations + ", " + population + ", " + seeds
                    + ", " + threads);
        }
        NeuralMode mode = NeuralMode.parse(options.getString("mode", "pure"));
        Set<Integer> tiers = new LinkedHashSet<>();
        for (String t : options.getString("tiers", "1,2,3,4").split(",")) {
            try {
                tiers.add(Integer.parseInt(t.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option 'tiers' takes numbers 1..4 separated by commas, got '"
                        + options.getString("tiers", "") + "'");
            }
        }
        String objectives = options.getString("objectives", "fitness").replace(" ", "");
        boolean diversity;
        if (objectives.equals("fitness")) {
            diversity = false;
        } else if (objectives.equals("fitness,diversity")) {
            diversity = true;
        } else {
            throw new IllegalArgumentException("option 'objectives' is 'fitness' or 'fitness,diversity', got '"
                    + objectives + "'");
        }
        String preset = options.getString("base", mode.key() + "_baseline");
        LabConfig baseConfig = Presets.builder(preset).set("neural_mode", mode.key())
                .set("population_size", population).build();
        LabSearchSpace space = new LabSearchSpace(mode, tiers, searchPopulation);
        EvolutionLabObjective objective = new EvolutionLabObjective(space, baseConfig::toBuilder, generations, seeds,
                diversity, threads);
        List<StudyDirection> directions = diversity
                ? List.of(StudyDirection.MAXIMIZE, StudyDirection.MAXIMIZE) : List.of(StudyDirection.MAXIMIZE);
        List<String> names = diversity ? List.of("fitness", "diversity") : List.of("fitness");
        return new ObjectiveDefinition(directions, names, objective, space.defaults(baseConfig));
    }
}
