package nas.neat;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Optional steering of speciation selection between generations (NEAT's adaptive species target and
 * species stagnation, {@link NeatSpeciationControl}). An evolution loop asks for the threshold before
 * speciating and lets the control revise the offspring counts of the plan; both run in the loop's
 * sequential breeding, so the control may keep state across generations.
 */
public interface SpeciationControl {

    /** No steering: the configured threshold and the plan's offspring counts (the reference behaviour). */
    SpeciationControl NONE = new SpeciationControl() {
        @Override
        public double threshold(double configured) {
            return configured;
        }

        @Override
        public int[] offspring(Speciation.Plan plan, double[] fitness, RandomGenerator rng) {
            return plan.offspring();
        }
    };

    /** The compatibility threshold for this generation's speciation. */
    double threshold(double configured);

    /**
     * Observes this generation's plan and returns the offspring count per species to breed (the plan's own
     * counts, or counts with the same total). The next population is the plan's survivors, species by
     * species, followed by the offspring, species by species.
     *
     * @param fitness selection fitness of the population the plan was made from
     */
    int[] offspring(Speciation.Plan plan, double[] fitness, RandomGenerator rng);

    /**
     * Everything the control carries from one generation to the next, as JSON-compatible values (numbers,
     * lists, maps; doubles as their IEEE-754 bits, so a restored control continues bit for bit). Empty for a
     * control without state.
     */
    default Map<String, Object> state() {
        return Map.of();
    }

    /** Continues from {@link #state()} taken from a control of the same configuration. */
    default void restore(Map<String, Object> state) {
    }
}
