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
        try {
            return JdbcStorage.open(url(), create);
        } catch (StorageException e) {
            throw new Nas.BadInputException(e.getMessage(), e);
        }
    }
}
