package nas.cli;

import nas.api.exception.StorageException;
import nas.storage.JdbcStorage;
import picocli.CommandLine.Option;

/** {@code --storage}: where studies live. */
public final class StorageOptions {

    @Option(names = "--storage", paramLabel = "URL",
            description = "JDBC URL (jdbc:h2:PATH or jdbc:postgresql://host:port/db) or an H2 file path. "
                    + "Default: $NAS_STORAGE, else ./nas-studies (an H2 file in the working directory).")
    String storage;

    public StorageOptions() {
    }

    /** Options naming {@code url} (for commands that take the URL another way). */
    StorageOptions(String url) {
        this.storage = url;
    }

    /** The URL in effect. */
    public String url() {
        if (storage != null) {
            return storage;
        }
        String env = System.getenv("NAS_STORAGE");
        return env != null && !env.isBlank() ? env : JdbcStorage.DEFAULT_URL;
    }

    /** Opens the storage, creating the database if needed. */
    public JdbcStorage open() {
        return open(true);
    }

    /** Opens an existing database only (for commands that read). */
    public JdbcStorage openExisting() {
        return open(false);
    }

    private JdbcStorage open(boolean create) {
        refuseDirectory(url());
        try {
            return JdbcStorage.open(url(), create);
        } catch (StorageException e) {
            throw new Nas.BadInputException(e.getMessage(), e);
        }
    }

    /**
     * An H2 path naming an existing directory would silently become {@code <dir>.mv.db} beside it: bad input.
     */
    static void refuseDirectory(String url) {
        String path = url;
        if (path.startsWith("jdbc:h2:")) {
            path = path.substring("jdbc:h2:".length());
            if (path.startsWith("mem:") || path.startsWith("tcp:") || path.startsWith("ssl:")) {
                return;
            }
            path = path.startsWith("file:") ? path.substring("file:".length()) : path;
            path = path.split(";", 2)[0];
        } else if (path.startsWith("jdbc:")) {
            return;
        }
        if (!path.isEmpty() && java.nio.file.Files.isDirectory(java.nio.file.Path.of(path))) {
            throw new Nas.BadInputException("--storage names the directory '" + path + "': give a database file inside "
                    + "it (e.g. " + java.nio.file.Path.of(path, "nas-studies") + ") or a JDBC URL");
        }
    }
}
