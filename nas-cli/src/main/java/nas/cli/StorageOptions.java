package nas.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nas.api.exception.StorageException;
import nas.api.storage.Storage;
import nas.server.RemoteStorage;
import nas.server.ServerFiles;
import nas.server.ServerLauncher;
import nas.storage.JdbcStorage;
import nas.storage.RunStorage;
import picocli.CommandLine.Option;

/**
 * {@code --storage}: where studies live. An H2 file is owned by one storage server process, which
 * every command talks to (started on demand, see {@link ServerLauncher}). PostgreSQL is reached
 * through the {@code nas server} running in front of it on this machine when there is one, else
 * directly.
 */
public final class StorageOptions {

    /** How long an auto-started server waits for requests before it exits. */
    static final int DAEMON_IDLE_SECONDS = 60;

    @Option(names = "--storage", paramLabel = "URL",
            description = "JDBC URL (jdbc:h2:PATH or jdbc:postgresql://host:port/db) or an H2 file path. "
                    + "Default: $NAS_STORAGE, else nas-studies, the H2 file nas-studies.mv.db in the working directory. "
                    + "An H2 file you cannot write (another user's, read-only) is still read by commands that only "
                    + "read, opened read-only with nothing written near it.")
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

    /** The database as messages name it (no settings, no password). */
    String shownName() {
        return h2File().map(Path::toString).orElse(url().split(";")[0].replaceAll("(?i)(password=)[^&]*", "$1***"));
    }

    /** The H2 file the URL names, if it names one. */
    Optional<Path> h2File() {
        return JdbcStorage.h2File(url());
    }

    /** Opens the storage, creating the database if needed. */
    public Storage open() {
        return open(true);
    }

    /** Opens an existing database only (for commands that read). */
    public Storage openExisting() {
        return open(false);
    }

    /**
     * Opens an existing database for a command that only reads it. An H2 file this process cannot write (its
     * permissions, its directory's, a read-only mount: a colleague's finished study, an archive) is read without
     * starting a server and without writing anything to it or beside it: through the server of its owner when one
     * answers here (the same user's), else opened read-only in this process ({@link JdbcStorage#openReadOnly},
     * which fails with a message while another process has the file open for writing).
     */
    public Storage openForReading() {
        if (readOnly()) {
            return openReadOnly();
        }
        return openExisting();
    }

    /** Whether the database is an existing H2 file this process cannot write, which is then only read. */
    boolean readOnly() {
        refuseDirectory(url());
        try {
            return h2File().isPresent() && JdbcStorage.whyNotWritable(url()).isPresent();
        } catch (IllegalArgumentException e) {
            throw new Nas.BadInputException(e.getMessage(), e);
        }
    }

    private Storage openReadOnly() {
        ServerCommand.checkServable(url());
        ServerFiles files = new ServerFiles(h2File().orElseThrow());
        try {
            Optional<RemoteStorage> served = ServerLauncher.connectIfServed(files);
            if (served.isPresent()) {
                return served.get();
            }
        } catch (StorageException e) {
            // its server file is another user's: the file is opened read-only here, which tells whether it is in use
        }
        try {
            return JdbcStorage.openReadOnly(url());
        } catch (StorageException e) {
            throw new Nas.BadInputException(e.getMessage(), e);
        }
    }

    /** The evolution runs of an open storage (in the same database, or through its server). */
    static nas.storage.RunStore runs(Storage store) {
        if (store instanceof RunStorage withRuns) {
            return withRuns.runs();
        }
        throw new Nas.BadInputException("evolution runs need a database storage (an H2 file or PostgreSQL)");
    }

    /** The stored run {@code id}, or one line of bad input naming this storage when there is none. */
    nas.storage.RunStore.Run existingRun(nas.storage.RunStore runs, String id) {
        return runs.run(id).orElseThrow(() -> noRun(id));
    }

    /** The error for a run {@code id} this storage does not hold. */
    Nas.BadInputException noRun(String id) {
        return new Nas.BadInputException("no run '" + id + "' in " + shownName() + " (see 'nas runs')");
    }

    /** Whether {@code url} names a PostgreSQL database (which a {@code nas server} may front). */
    static boolean isPostgres(String url) {
        return url.trim().toLowerCase(java.util.Locale.ROOT).startsWith("jdbc:postgresql:");
    }

    /** Opens the database in this process, never through a server (benchmarks of the storage itself). */
    JdbcStorage openInProcess() {
        refuseDirectory(url());
        try {
            return JdbcStorage.open(url(), true);
        } catch (StorageException e) {
            throw new Nas.BadInputException(e.getMessage(), e);
        }
    }

    private Storage open(boolean create) {
        refuseDirectory(url());
        Optional<Path> file = h2File();
        if (file.isEmpty()) {
            try {
                if (isPostgres(url())) {
                    JdbcStorage.check(url(), create); // a malformed URL is refused before a server is looked for
                    Optional<RemoteStorage> served = ServerLauncher.connectIfServed(ServerFiles.forDatabase(url()));
                    if (served.isPresent()) {
                        return served.get();
                    }
                }
                return JdbcStorage.open(url(), create);
            } catch (StorageException e) {
                throw new Nas.BadInputException(e.getMessage(), e);
            }
        }
        ServerLauncher launcher = launcher(file.get(), create);
        try {
            return launcher.connect();
        } catch (StorageException e) {
            throw new Nas.BadInputException(e.getMessage(), e);
        }
    }

    /**
     * For an existing H2 file: what finds (or starts) the server that owns it, to ask it for more than storage
     * calls (a dashboard); empty for other databases, which are opened directly.
     */
    Optional<ServerLauncher> existingServer() {
        refuseDirectory(url());
        return h2File().map(file -> launcher(file, false));
    }

    private ServerLauncher launcher(Path file, boolean create) {
        ServerCommand.checkServable(url());
        JdbcStorage.check(url(), create);
        return new ServerLauncher(new ServerFiles(file), daemonCommand(url()));
    }

    /**
     * {@code nas server} on {@code url} as a daemon: this JVM's java with the options of
     * {@link DaemonJavaOptions}, and its class path or module path.
     */
    private static List<String> daemonCommand(String url) {
        List<String> command = new ArrayList<>(ThisJava.command(DaemonJavaOptions.current(), Main.class));
        command.addAll(List.of("server", "--storage", url, "--idle-timeout", String.valueOf(DAEMON_IDLE_SECONDS),
                "--daemon"));
        return command;
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
