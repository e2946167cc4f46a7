package nas.cli;

import nas.api.Studies;
import nas.api.Study;
import nas.api.exception.StudyNotFoundException;
import nas.storage.JdbcStorage;

/** Opens an existing study for reading commands, with errors that say what to do. */
final class StudyLoader {

    private StudyLoader() {
    }

    static Study load(JdbcStorage storage, String name) {
        try {
            return Studies.builder(name).storage(storage).load();
        } catch (StudyNotFoundException e) {
            throw new Nas.BadInputException("no study named '" + name + "' in " + storage.url().split(";")[0]
                    + " (see 'nas studies')");
        }
    }
}
