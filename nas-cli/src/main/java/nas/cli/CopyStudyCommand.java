package nas.cli;

import java.util.concurrent.Callable;
import nas.api.transfer.StudyTransfer;
import nas.api.storage.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nas copy-study}: a study from one storage into another (H2, PostgreSQL). */
@Command(name = "copy-study", description = "Copy a study, every trial and attribute, into another storage.",
        footer = {"", "Examples:",
            "  nas copy-study --study exp-001 --from ./nas-studies \\",
            "      --to jdbc:postgresql://db/nas",
            "  nas copy-study --study exp-001 --from ./nas-studies \\",
            "      --to ./backup --to-study exp-001-saved"})
public final class CopyStudyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "Study to copy.")
    String study;

    @Option(names = "--from", required = true, paramLabel = "URL", description = "Storage holding the study.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "URL", description = "Storage to copy it into.")
    String to;

    @Option(names = "--to-study", paramLabel = "NAME", description = "Name of the copy (default: the same).")
    String toStudy;

    @Override
    public Integer call() {
        if (from.equals(to)) { // one storage: one open handle (one owner per database file)
            if (toStudy == null || toStudy.equals(study)) {
                throw new Nas.BadInputException("--from and --to are the same storage: give the copy another name "
                        + "with --to-study");
            }
            try (Storage store = new StorageOptions(from).openExisting()) {
                report(StudyTransfer.copy(store, study, store, toStudy));
            } catch (nas.api.exception.DuplicateStudyException e) {
                throw new Nas.BadInputException(e.getMessage() + " in " + to + ": give the copy another name with "
                        + "--to-study NAME", e);
            }
            return Nas.OK;
        }
        try (Storage source = new StorageOptions(from).openForReading()) {
            // a study that is not there creates no target database
            StudyLoader.load(source, study, new StorageOptions(from).shownName());
            try (Storage target = new StorageOptions(to).open()) {
                report(StudyTransfer.copy(source, study, target, toStudy));
            } catch (nas.api.exception.DuplicateStudyException e) {
                throw new Nas.BadInputException(e.getMessage() + " in " + to + ": give the copy another name with "
                        + "--to-study NAME", e);
            }
        }
        return Nas.OK;
    }

    private void report(String name) {
        spec.commandLine().getOut().println("copied study '" + study + "' to '" + name + "' in " + to);
    }
}
