package nas.cli;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nas.api.transfer.StudyTransfer;
import nas.api.storage.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nas export}: a study as a JSON file (see {@link StudyTransfer}). */
@Command(name = "export", description = "Write a study (every trial, attribute and the samplers' state) as JSON.",
        footer = {"", "Examples:", "  nas export --study exp-001 --out exp-001.json", "  nas export --study exp-001 | jq ."})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "Study to export.")
    String study;

    @Option(names = "--out", paramLabel = "FILE", description = "File to write (default: standard output).")
    Path out;

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() {
        try (Storage store = storage.openExisting()) {
            if (out == null) {
                spec.commandLine().getOut().print(StudyTransfer.toJson(StudyTransfer.export(store, study)));
                spec.commandLine().getOut().flush();
            } else {
                StudyTransfer.write(store, study, out);
                spec.commandLine().getErr().println("exported study '" + study + "' to " + out);
            }
        } catch (UncheckedIOException e) {
            throw new Nas.BadInputException(e.getMessage(), e);
        }
        return Nas.OK;
    }
}
