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

    @Option(names = "--force", description = "Delete the study even though it has RUNNING trials (a search or an "
            + "asked trial may be using it; a killed search's trials stay RUNNING until the next search fails them).")
    boolean force;

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() {
        try (Storage store = storage.openExisting()) {
            if (!force) {
                // a search running on it would die with "no trial with id N" at its next write
                long id = store.findStudy(study).orElseThrow(() -> new StudyNotFoundException("named '" + study + "'"));
                int running = store.countTrials(id, java.util.EnumSet.of(nas.api.TrialState.RUNNING));
                if (running > 0) {
                    throw new Nas.BadInputException("study '" + study + "' has " + running + " RUNNING trial"
                            + (running == 1 ? "" : "s") + ": a search may be running on it; stop it first, or add "
                            + "--force to delete the study anyway");
                }
            }
            Studies.delete(store, study);
        } catch (StudyNotFoundException e) {
            throw new Nas.BadInputException("no study named '" + study + "' (see 'nas studies')");
        }
        spec.commandLine().getOut().println("deleted study '" + study + "'");
        return Nas.OK;
    }
}
