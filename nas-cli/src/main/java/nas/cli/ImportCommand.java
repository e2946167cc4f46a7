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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nas import}: a study from a file written by {@code nas export}. */
@Command(name = "import", description = "Create a study from a file written by 'nas export'.",
        footer = {"", "Examples:", "  nas import exp-001.json", "  nas import exp-001.json --study exp-001-copy"})
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The exported study.")
    Path file;

    @Option(names = "--study", paramLabel = "NAME", description = "Name of the new study (default: the file's).")
    String study;

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() {
        try (Storage store = storage.open()) {
            String name = StudyTransfer.read(store, file, study);
            spec.commandLine().getOut().println("imported study '" + name + "' from " + file);
        } catch (UncheckedIOException e) {
            throw new Nas.BadInputException(e.getMessage(), e);
        }
        return Nas.OK;
    }
}
