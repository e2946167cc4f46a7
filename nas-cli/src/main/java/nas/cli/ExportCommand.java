package nas.cli;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nas.api.transfer.StudyTransfer;
import nas.api.storage.Storage;
import nas.storage.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nas export}: a study as a JSON file (see {@link StudyTransfer}), or an evolution run, a generation or
 * a creature of it ({@link RunTransfer}).
 */
@Command(name = "export", sortOptions = false,
        description = {"Write a study (every trial, attribute and the samplers' state) as JSON, "
            + "or an evolution run (every generation, creature, frame and its last checkpoint), or part of one."},
        footer = {"", "Examples:", "  nas export --study exp-001 --out exp-001.json", "  nas export --study exp-001 | jq .",
            "  nas export long-1 --out long-1.json", "  nas export long-1 --generation 999 --creature 17 --out c.json"})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--study", paramLabel = "NAME", description = "Study to export.")
    String study;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN", description = "Evolution run to export (see 'nas runs').")
    String run;

    @Option(names = "--generation", paramLabel = "G", description = "Only this generation of the run.")
    Integer generation;

    @Option(names = "--creature", paramLabel = "N",
            description = "Only this creature (its index in the generation; needs --generation).")
    Integer creature;

    @Option(names = "--out", paramLabel = "FILE", description = "File to write (default: standard output).")
    Path out;

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() {
        if ((study == null) == (run == null)) {
            throw new Nas.BadInputException("give either --study NAME or a RUN to export");
        }
        checkOutDirectory();
        if (run != null) {
            return exportRun();
        }
        if (generation != null || creature != null) {
            throw new Nas.BadInputException("--generation and --creature select part of a run, not of a study");
        }
        try (Storage store = storage.openForReading()) {
            if (out == null) {
                spec.commandLine().getOut().print(StudyTransfer.toJson(StudyTransfer.export(store, study)));
                spec.commandLine().getOut().flush();
            } else {
                StudyTransfer.write(store, study, out);
                spec.commandLine().getErr().println("exported study '" + study + "' to " + out);
            }
        } catch (UncheckedIOException e) {
            throw new Nas.BadInputException("cannot write " + out + ": " + nas.api.FileErrors.reason(e.getCause()), e);
        }
        return Nas.OK;
    }

    /** Refuses an --out whose directory is missing before anything is read (and a study's export is built). */
    private void checkOutDirectory() {
        Path dir = out == null ? null : out.toAbsolutePath().getParent();
        if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
            throw new Nas.BadInputException("cannot write " + out + ": directory " + dir
                    + (java.nio.file.Files.exists(dir) ? " is a file" : " does not exist"));
        }
    }

    private int exportRun() {
        if (creature != null && generation == null) {
            throw new Nas.BadInputException("--creature needs --generation");
        }
        try (Storage store = storage.openForReading()) {
            RunStore runs = StorageOptions.runs(store);
            RunStore.Run r = storage.existingRun(runs, run);
            if (generation != null && (generation < 0 || generation >= r.generationsDone())) {
                throw new Nas.BadInputException("run '" + run + "' has generations 0.." + (r.generationsDone() - 1)
                        + ", not " + generation);
            }
            if (creature != null && (creature < 0 || creature >= runs.creatures(run, generation).size())) {
                throw new Nas.BadInputException("generation " + generation + " has no creature " + creature);
            }
            int g = generation == null ? -1 : generation;
            int c = creature == null ? -1 : creature;
            if (out == null) {
                java.io.PrintWriter stdout = spec.commandLine().getOut();
                RunTransfer.write(runs, r, g, c, stdout);
                stdout.println();
                stdout.flush();
            } else {
                Path tmp = out.resolveSibling(out.getFileName() + ".part");
                try (java.io.Writer file = java.nio.file.Files.newBufferedWriter(tmp)) {
                    RunTransfer.write(runs, r, g, c, file);
                }
                java.nio.file.Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                spec.commandLine().getErr().println("exported run '" + run + "' to " + out);
            }
        } catch (java.io.IOException e) {
            throw new Nas.BadInputException("cannot write " + out + ": " + nas.api.FileErrors.reason(e), e);
        }
        return Nas.OK;
    }
}
