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
            String near = nearest(storage, name);
            throw new Nas.BadInputException("no study named '" + name + "' in " + where
                    + (near != null ? "; did you mean '" + near + "'?" : " (see 'nas studies')"));
        }
    }

    /**
     * The stored study a mistyped name most likely meant ({@link nas.api.Names#nearest}), or null.
     */
    static String nearest(Storage storage, String name) {
        return nas.api.Names.nearest(name, storage.studies().stream().map(nas.api.storage.StudyInfo::name).toList());
    }
}
