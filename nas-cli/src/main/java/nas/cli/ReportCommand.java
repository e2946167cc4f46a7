package nas.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import nas.api.storage.Storage;
import nas.dashboard.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nas report}: one study's plots in one self-contained HTML file. */
@Command(name = "report", sortOptions = false,
        description = "Write a study's plots (the dashboard's study page without its live parts, with the 100 best "
                + "trials) into one self-contained HTML file that opens offline: scripts and data are inlined.",
        footer = {"%nExample:", "  nas report --study exp-001 --out exp-001.html"})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study (see 'nas studies').")
    String study;

    @Mixin
    StorageOptions storage;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "report.html",
            description = "The HTML file to write (default report.html).")
    Path out;

    @Override
    public Integer call() {
        String html;
        try (Storage store = storage.openForReading()) {
            StudyLoader.load(store, study, storage.shownName()); // a clear error for an unknown study
            html = Report.html(store, study);
        }
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(out, bytes);
        } catch (IOException e) {
            throw new Nas.BadInputException("cannot write " + out + ": " + nas.api.FileErrors.reason(e));
        }
        spec.commandLine().getOut().println("wrote " + out + " (" + String.format(Locale.ROOT, "%.1f", bytes.length / 1e6)
                + " MB) for study '" + study + "'");
        spec.commandLine().getOut().flush();
        return Nas.OK;
    }

}
