package nas.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import nas.sim.experiment.ResultsComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nas compare}: mean ± std of the seeds' final best fitness per config, from the newest results files. */
@Command(name = "compare", description = {"Compare 'nas run' results: mean ± std of the final best fitness per config.",
            "Each config's newest results file, CONFIG_yyyyMMdd_HHmmss.json, is read; if it is damaged or not a "
                + "results file, nas says which and why and exits with 2. Other files named CONFIG_*.json are "
                + "passed over with a warning."},
        footer = {"", "Example:", "  nas compare pure_baseline pure_optimal hybrid_baseline"})
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "CONFIG", description = "Configs to compare (their newest results file).")
    List<String> configs;

    @Option(names = "--results-dir", paramLabel = "DIR", defaultValue = "results",
            description = "Where 'nas run' wrote its results. Default: ${DEFAULT-VALUE}.")
    Path resultsDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TextTable t = new TextTable(List.of("config", "seeds", "final mean", "± std", "best", "status", "file"));
        for (String c : configs) {
            for (Path other : ResultsComparison.misnamed(resultsDir, c)) {
                err.println("nas: warning: passing over " + other + ": not named " + c + "_yyyyMMdd_HHmmss.json as "
                        + "'nas run' names its results");
            }
            Path file = ResultsComparison.latest(resultsDir, c).orElseThrow(() -> new Nas.BadInputException(
                    "no results for config '" + c + "' in " + resultsDir + " (run 'nas run --config " + c + "')"));
            ResultsComparison.Row r;
            try {
                r = ResultsComparison.row(file);
            } catch (java.io.UncheckedIOException e) {
                throw new Nas.BadInputException(e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                // the newest results, unusable: comparing an older file instead would mislead
                throw new Nas.BadInputException(file + ", the newest results of '" + c + "', is not a results file "
                        + "of 'nas run': " + e.getMessage() + "; move it aside to compare the one before it", e);
            }
            t.row(List.of(c, String.valueOf(r.seeds()), fmt(r.mean()), fmt(r.std()), fmt(r.best()), r.status(),
                    file.getFileName().toString()));
        }
        t.print(out);
        out.flush();
        return Nas.OK;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
