package nas.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.artifact.FileSystemArtifactStore;
import nas.api.artifact.RunArtifacts;
import nas.api.objective.ObjectiveDefinition;
import nas.api.objective.ObjectiveOptions;
import nas.api.objective.ObjectivePlugins;
import nas.samplers.cmaes.CmaEsSampler;

/**
 * The README's pilot, from Java: the {@code external} objective runs {@code examples/pilot/train.py}
 * (config file from a template, score = mean of the last 3 losses of its summary, 2 evaluation seeds),
 * CMA-ES with population 4 searches after a baseline, {@link RunArtifacts} keeps {@code run.json},
 * {@code progress.csv} and {@code best.json}, and {@link FileSystemArtifactStore} lists the best trial's
 * files. Run from the repository root:
 *
 * <pre>scripts/example.sh PilotFromJava [runs-dir]</pre>
 */
public final class PilotFromJava {

    private PilotFromJava() {
    }

    public static void main(String[] args) throws Exception {
        Path runs = Path.of(args.length > 0 ? args[0] : "java-pilot-runs");
        Map<String, String> options = new LinkedHashMap<>();
        options.put("command", "python3 examples/pilot/train.py --config {config} --seed {seed} --out {trial_dir}");
        options.put("space", "examples/pilot/space.json");
        options.put("config-template", "examples/pilot/base-config.json");
        options.put("result-file", "summary.json");
        options.put("result-key", "losses");
        options.put("result-reduce", "mean-last:3");
        options.put("eval-seeds", "123,456");
        options.put("workdir", runs.toString());
        ObjectiveDefinition pilot = ObjectivePlugins.find("external").create(new ObjectiveOptions(options));

        Study study = Studies.builder("pilot")
                .directions(pilot.directions())
                .sampler(new CmaEsSampler(CmaEsSampler.Options.defaults().withSeed(1).withPopsize(4)))
                .create();
        // the baseline: the space file's defaults, first (CMA-ES's first generation starts after it)
        study.enqueueTrial(pilot.parameterDefaults(), Map.of(RunArtifacts.BASELINE_ATTR, true));

        FileSystemArtifactStore artifacts = FileSystemArtifactStore.of(runs, study.name());
        RunArtifacts files = new RunArtifacts(artifacts);
        files.start(study, Map.of("objective_options", options));
        study.optimizeMulti(pilot.function(), OptimizeOptions.trials(9).withCallback(files));

        FrozenTrial best = study.bestTrial();
        System.out.printf("best trial %d: %.6f (baseline %.6f)%n", best.number(), best.value(),
                study.trials().get(0).value());
        for (String name : artifacts.list(best)) {
            System.out.printf("  %-28s %6d bytes%n", name, Files.size(artifacts.get(best, name)));
        }
        System.out.println("run files: " + artifacts.root());
    }
}
