package nas.samplers;

import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.objective.ObjectiveDefinition;
import nas.api.storage.Storage;

/**
 * A stored study continued with the objective, options, seed, sampler and pruner it remembers ({@link StudySettings}),
 * as {@code nas search --study NAME} continues it: a study the command line created goes on from Java with
 * the same trials the command line would run.
 *
 * <pre>{@code
 * ResumedStudy demo = ResumedStudy.resume(storage, "demo");
 * demo.optimize(20);                                   // 20 more trials of its objective
 * System.out.println(demo.study().bestValue());
 * }</pre>
 *
 * @param study      the study, with the remembered sampler, pruner and seed
 * @param objective  the remembered objective, built by its plugin from the remembered options
 * @param settings   what the study remembers
 */
public record ResumedStudy(Study study, ObjectiveDefinition objective, StudySettings settings) {

    /**
     * Loads study {@code name} with what it remembers.
     *
     * @param storage where the study is
     * @param name    the study's name
     * @return the study, its objective and its settings
     * @throws nas.api.exception.StudyNotFoundException when there is no such study
     * @throws IllegalArgumentException when the study remembers no objective (it was not made by
     *                                  {@code nas search} or {@code nas screen}), or its sampler, pruner or
     *                                  objective cannot be built
     */
    public static ResumedStudy resume(Storage storage, String name) {
        Study loaded = Studies.builder(name).storage(storage).load();
        StudySettings settings = StudySettings.of(loaded.systemAttrs()).orElseThrow(() -> new IllegalArgumentException(
                "study '" + name + "' remembers no objective: it was not made by 'nas search' or 'nas screen' (a "
                        + "study made in code resumes with Studies.builder(name).storage(storage).load() and your "
                        + "objective)"));
        ObjectiveDefinition objective = settings.objectiveDefinition();
        Study study = Studies.builder(name).storage(storage).sampler(settings.createSampler(objective, storage))
                .pruner(settings.createPruner()).seed(settings.seed()).load();
        return new ResumedStudy(study, objective, settings);
    }

    /**
     * Runs {@code nTrials} more trials of the objective in this thread.
     *
     * @param nTrials how many trials
     */
    public void optimize(int nTrials) {
        optimize(OptimizeOptions.trials(nTrials));
    }

    /**
     * Runs trials of the objective with these options (trials, timeout, threads, callbacks).
     *
     * @param options the run's options
     */
    public void optimize(OptimizeOptions options) {
        study.optimizeMulti(objective.function(), options);
    }
}
