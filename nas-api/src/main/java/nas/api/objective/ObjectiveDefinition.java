package nas.api.objective;

import java.util.List;
import java.util.Map;
import nas.api.MultiObjective;
import nas.api.StudyDirection;
import nas.api.distribution.Distribution;

/**
 * A ready-to-run objective made by a plugin.
 *
 * @param directions        one per objective value
 * @param objectiveNames    a name per value (for tables and CSV headers)
 * @param function          the function, returning one value per direction
 * @param parameterDefaults the value each parameter takes when it is not searched (used by the
 *                          two-phase workflow to hold unimportant parameters fixed)
 * @param searchSpace       the parameters the function suggests, with their distributions, when the
 *                          plugin knows them before a trial runs (then a grid or a fixed value is checked
 *                          before any trial is written); empty for a space known only by running it
 */
public record ObjectiveDefinition(List<StudyDirection> directions, List<String> objectiveNames,
        MultiObjective function, Map<String, Object> parameterDefaults, Map<String, Distribution> searchSpace) {

    /**
     * A definition whose search space is known only by running it (define-by-run).
     *
     * @param directions one direction per objective
     * @param objectiveNames one name per objective
     * @param function the multi-objective function that evaluates a trial
     * @param parameterDefaults default external values by parameter name
     */
    public ObjectiveDefinition(List<StudyDirection> directions, List<String> objectiveNames, MultiObjective function,
            Map<String, Object> parameterDefaults) {
        this(directions, objectiveNames, function, parameterDefaults, Map.of());
    }

    /**
     * Copies the lists and maps; one objective name per direction.
     *
     * @param directions one direction per objective
     * @param objectiveNames one name per objective
     * @param function the multi-objective function that evaluates a trial
     * @param parameterDefaults default external values by parameter name
     * @param searchSpace the parameters by name, when known before running (empty: define-by-run)
     */
    public ObjectiveDefinition {
        directions = List.copyOf(directions);
        objectiveNames = List.copyOf(objectiveNames);
        parameterDefaults = Map.copyOf(parameterDefaults);
        searchSpace = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(searchSpace));
        if (directions.isEmpty() || directions.size() != objectiveNames.size()) {
            throw new IllegalArgumentException("an objective needs one name per direction, but got " + objectiveNames
                    + " for " + directions);
        }
    }
}
