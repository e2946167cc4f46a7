package nas.analysis.importance;

import nas.api.StudyView;

/**
 * Something that ranks a study's parameters by importance: {@link FanovaImportance} (the default),
 * {@link MdiImportance}. {@link Importance#of} runs one.
 */
public interface ImportanceEvaluator {

    /**
     * Ranks the parameters of {@code study}'s completed trials.
     *
     * @throws IllegalArgumentException when the study has too few usable trials
     */
    ImportanceResult evaluate(StudyView study);
}
