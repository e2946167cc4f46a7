package nas.cli;

import nas.api.storage.Storage;
import java.util.concurrent.Callable;
import nas.api.Studies;
import nas.api.exception.StudyNotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nas delete-study}: removes a study and all its trials. */
@Command(name = "delete-study", description = "Delete a study and all its trials.")
public final class DeleteStudyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study (see 'nas studies').")
    String study;

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() {
        try (Storage store = storage.openExisting()) {
            Studies.delete(store, study);
        } catch (StudyNotFoundException e) {
            throw new Nas.BadInputException("no study named '" + study + "' (see 'nas studies')");
        }
        spec.commandLine().getOut().println("deleted study '" + study + "'");
        return Nas.OK;
    }
}
