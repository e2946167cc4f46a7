package nas.cli;

import nas.api.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nas.api.Studies;
import nas.api.StudyDirection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nas create-study}: an empty study, e.g. to share between workers before they start. */
@Command(name = "create-study", description = "Create an empty study.")
public final class CreateStudyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "Name of the study to create.")
    String study;

    @Mixin
    StorageOptions storage;

    @Option(names = {"--direction", "--directions"}, arity = "1..*", paramLabel = "DIR",
            description = "minimize or maximize, one per objective (default: minimize).")
    List<String> directions = new ArrayList<>(List.of("minimize"));

    @Override
    public Integer call() {
        List<StudyDirection> d = new ArrayList<>();
        for (String text : directions) {
            d.add(StudyDirection.parse(text));
        }
        try (Storage store = storage.open()) {
            Studies.builder(study).storage(store).directions(d).create();
        } catch (nas.api.exception.DuplicateStudyException e) {
            // the builder's hint speaks Java (loadIfExists); the command line says what it always said
            throw new Nas.BadInputException("a study named '" + study + "' already exists", e);
        }
        spec.commandLine().getOut().println("created study '" + study + "' " + d);
        return Nas.OK;
    }
}
