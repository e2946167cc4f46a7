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

/** {@code nas import}: a study or an evolution run from a file written by {@code nas export}. */
@Command(name = "import", description = "Create a study or an evolution run from a file written by 'nas export'.",
        footer = {"", "Examples:", "  nas import exp-001.json", "  nas import exp-001.json --study exp-001-copy",
            "  nas import long-1.json --run-id long-1-copy"})
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The exported study.")
    Path file;

    @Option(names = "--study", paramLabel = "NAME", description = "Name of the new study (default: the file's).")
    String study;

    @Option(names = "--run-id", paramLabel = "NAME", description = "Name of the new run (default: the file's).")
    String runId;

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() {
        if (isRunExport()) {
            if (study != null) {
                throw new Nas.BadInputException(file + " holds an evolution run: name it with --run-id, not --study");
            }
            try (Storage store = storage.open(); java.io.InputStream in = new java.io.BufferedInputStream(
                    java.nio.file.Files.newInputStream(file))) {
                String name = RunTransfer.read(StorageOptions.runs(store), in, runId);
                spec.commandLine().getOut().println("imported run '" + name + "' from " + file);
            } catch (java.io.IOException e) {
                throw new Nas.BadInputException("cannot read " + file + ": " + nas.api.FileErrors.reason(e), e);
            }
            return Nas.OK;
        }
        if (runId != null) {
            throw new Nas.BadInputException(file + " holds a study: name it with --study, not --run-id");
        }
        try (Storage store = storage.open()) {
            String name = StudyTransfer.read(store, file, study);
            spec.commandLine().getOut().println("imported study '" + name + "' from " + file);
        } catch (UncheckedIOException e) {
            throw new Nas.BadInputException("cannot read " + file + ": " + nas.api.FileErrors.reason(e.getCause()), e);
        } catch (nas.api.exception.DuplicateStudyException e) {
            throw new Nas.BadInputException(e.getMessage() + (study == null ? ": import it under another name with "
                    + "--study NAME" : ": give another name with --study"), e);
        }
        return Nas.OK;
    }

    private boolean isRunExport() {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] start = in.readNBytes(200);
            if (start.length == 0) {
                throw new Nas.BadInputException(file + " is empty: give a file written by 'nas export'");
            }
            return RunTransfer.isRunExport(start);
        } catch (java.io.IOException e) {
            throw new Nas.BadInputException("cannot read " + file + ": " + nas.api.FileErrors.reason(e), e);
        }
    }
}
