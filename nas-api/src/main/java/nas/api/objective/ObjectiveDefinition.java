package nas.api.objective;

import java.util.List;
import java.util.Map;
import nas.api.MultiObjective;
import nas.api.StudyDirection;

/**
 * A ready-to-run objective made by a plugin.
 *
 * @param directions        one per objective value
 * @param objectiveNames    a name per value (for tables and CSV headers)
 * @param function          the function, returning one value per direction
 * @param parameterDefaults the value each parameter takes when it is not searched (used by the
 *                          two-phase workflow to hold unimportant parameters fixed)
 */
public record ObjectiveDefinition(List<StudyDirection> directions, List<String> objectiveNames,
        MultiObjective function, Map<String, Object> parameterDefaults) {

    public ObjectiveDefinition {
        directions = List.copyOf(directions);
        objectiveNames = List.copyOf(objectiveNames);
        parameterDefaults = Map.copyOf(parameterDefaults);
        if (directions.isEmpty() || directions.size() != objectiveNames.size()) {
            throw new IllegalArgumentException("an objective needs one name per direction, but got " + objectiveNames
                    + " for " + directions);
        }
    }
}
