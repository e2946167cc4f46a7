package nas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import nas.api.Study;
import nas.api.artifact.FileSystemArtifactStore;
import nas.api.storage.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nas pilot-summary}: writes a pilot's {@code summary.md} with its Go / No-Go verdict. */
@Command(name = "pilot-summary", sortOptions = false,
        description = "Write summary.md for a pilot study: baseline vs best, failures by reason, the spread "
                + "across evaluation seeds, the best parameters and a Go / No-Go verdict with its rule.",
        footer = {"", "Examples:",
            "  nas pilot-summary --study pilot",
            "  nas pilot-summary --study pilot --max-fail-rate 0.2 \\",
            "      --min-improvement 0.02 --out pilot.md"})
public final class PilotSummaryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study (see 'nas studies').")
    String study;

    @Mixin
    StorageOptions storage;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write it (default: summary.md in the study's run directory, "
                    + "nas-runs/<study>/, for the external objective; else ./summary.md).")
    Path out;

    @Option(names = "--max-fail-rate", paramLabel = "SHARE", defaultValue = "0.10",
            description = "Go needs at most this share of finished trials failed (default 0.10).")
    double maxFailRate;

    @Option(names = "--min-improvement", paramLabel = "SHARE", defaultValue = "0.01",
            description = "Go needs the best to beat the baseline by this share of it, beyond the seed spread "
                    + "(default 0.01).")
    double minImprovement;

    @Override
    public Integer call() {
        if (!(maxFailRate >= 0 && maxFailRate <= 1)) {
            throw new Nas.BadInputException("--max-fail-rate must be between 0 and 1, but got " + maxFailRate);
        }
        if (!(minImprovement >= 0)) {
            throw new Nas.BadInputException("--min-improvement must be >= 0, but got " + minImprovement);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        try (Storage store = storage.openForReading()) {
            Study s = StudyLoader.load(store, study, storage.shownName());
            if (s.directions().size() != 1) {
                throw new Nas.BadInputException("study '" + study + "' has " + s.directions().size()
                        + " objectives; a pilot summary compares one value (see 'nas pareto')");
            }
            Map<String, Object> attrs = s.systemAttrs();
            Map<String, Object> settings = new LinkedHashMap<>();
            Path target = out;
            if (attrs.get(SearchCommand.OBJECTIVE_ATTR) != null) {
                settings.put("objective", attrs.get(SearchCommand.OBJECTIVE_ATTR));
            }
            if (attrs.get(SearchCommand.OBJECTIVE_OPTIONS_ATTR) instanceof Map<?, ?> options) {
                StringBuilder o = new StringBuilder();
                options.forEach((k, v) -> o.append("\n  - `").append(k).append('=').append(v).append('`'));
                settings.put("objective options", o);
                if (target == null && "external".equals(attrs.get(SearchCommand.OBJECTIVE_ATTR))) {
                    Object workdir = options.get("workdir");
                    target = FileSystemArtifactStore.of(Path.of(workdir == null ? "nas-runs" : String.valueOf(workdir)),
                            study).runFile("summary.md");
                }
            }
            if (attrs.get(SearchCommand.SAMPLER_ATTR) != null) {
                settings.put("sampler", attrs.get(SearchCommand.SAMPLER_ATTR) + ", seed " + attrs.get(SearchCommand.SEED_ATTR));
            }
            if (target == null) {
                target = Path.of("summary.md");
            }
            PilotSummary summary = new PilotSummary(study, s.directions().get(0), s.trials(), maxFailRate,
                    minImprovement);
            String md = summary.markdown(settings);
            try {
                if (target.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(target.toAbsolutePath().getParent());
                }
                Files.writeString(target, md);
            } catch (IOException e) {
                throw new Nas.BadInputException("cannot write " + target + ": " + nas.api.FileErrors.reason(e));
            }
            stdout.print(md);
            stdout.flush();
            PrintWriter err = spec.commandLine().getErr();
            err.println("[" + study + "] wrote " + target + " (" + (summary.verdict().go() ? "GO" : "NO-GO") + ")");
            err.flush();
        }
        return Nas.OK;
    }
}
