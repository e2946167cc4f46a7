package nas.cli;

import nas.api.Studies;
import nas.api.Study;
import nas.api.exception.StudyNotFoundException;
import nas.api.storage.Storage;

/** Opens an existing study for reading commands, with errors that say what to do. */
final class StudyLoader {

    private StudyLoader() {
    }

    static Study load(Storage storage, String name, String where) {
        try {
            return Studies.builder(name).storage(storage).load();
        } catch (StudyNotFoundException e) {
            throw new Nas.BadInputException("no study named '" + name + "' in " + where
                    + " (see 'nas studies')");
        }
    }
}
