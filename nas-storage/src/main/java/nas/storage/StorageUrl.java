package nas.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A storage URL as NAS uses it: what the user wrote, resolved to a JDBC URL with the settings NAS
 * adds for its dialect. Kept apart from the storage so that naming, checking and showing a
 * database (errors never print a password) is one small, testable job.
 *
 * @param jdbcUrl    the JDBC URL in use
 * @param dialect    the database behind it
 * @param localFile  an H2 file opened by this process (not in memory, not through H2's TCP server)
 * @param given      the URL as the user wrote it (messages show it, without the settings NAS adds)
 * @param readOnly   an H2 file opened read-only ({@link #readOnly}): nothing is written to it or beside it
 */
record StorageUrl(String jdbcUrl, Dialect dialect, boolean localFile, String given, boolean readOnly) {

    /**
     * How long H2 keeps a superseded chunk of a local file, in ms, unless the URL says (RETENTION_TIME=): four
     * sync intervals ({@link Transactions#SYNC_INTERVAL}), so that a chunk superseded within 0.75 s of being
     * written (most are: README, "File size and power cuts") is overwritten only after the state that superseded
     * it is on disk.
     */
    static final int H2_RETENTION_MILLIS = 1_000;

    /** Added to the refusal of a file that cannot be written: commands that only read it can. */
    static final String READ_ONLY_HINT = " (commands that only read, such as 'nas trials', can read it)";

    /**
     * Resolves {@code url} and adds NAS's settings. With {@code create} false an H2 file that does
     * not exist is an error instead of being created.
     *
     * @throws IllegalArgumentException for a malformed or unsupported URL, a missing database or a
     *                                  directory NAS cannot write to
     */
    static StorageUrl of(String url, boolean create) {
        String resolved = resolve(url);
        Dialect dialect = Dialect.of(resolved);
        if (dialect == Dialect.H2) {
            resolved = h2Settings(resolved, create);
        } else {
            resolved = postgresSettings(resolved);
        }
        String lower = resolved.toLowerCase(Locale.ROOT);
        boolean localFile = dialect == Dialect.H2 && isH2File(lower);
        return new StorageUrl(resolved, dialect, localFile, url.trim(), false);
    }

    /**
     * An existing local H2 file opened read-only (H2's {@code ACCESS_MODE_DATA=r}): H2 then writes nothing, creates
     * no file beside it (no trace file, no lock file) and takes a shared OS lock on the file, which it cannot get
     * while a process has the file open for writing.
     *
     * @throws IllegalArgumentException for a URL that names no local H2 file, a missing file or one this process
     *                                  cannot read
     */
    static StorageUrl readOnly(String url) {
        Path dbFile = localH2File(url).orElseThrow(() -> new IllegalArgumentException("only an H2 file is opened "
                + "read-only, not " + url));
        if (!Files.exists(dbFile)) {
            throw noDatabase(dbFile);
        }
        if (!Files.isReadable(dbFile)) {
            throw new IllegalArgumentException("the database file " + dbFile + " is not readable by this user");
        }
        StringBuilder u = new StringBuilder(resolve(url));
        String lower = u.toString().toLowerCase(Locale.ROOT);
        addUnlessGiven(u, lower, "ACCESS_MODE_DATA", "r");
        addUnlessGiven(u, lower, "IFEXISTS", "TRUE");
        addUnlessGiven(u, lower, "QUERY_CACHE_SIZE", String.valueOf(QUERY_CACHE_SIZE));
        return new StorageUrl(u.toString(), Dialect.H2, true, url.trim(), true);
    }

    /**
     * Why this process cannot write the existing local H2 file {@code url} names: the file itself, or its
     * directory, where H2 and the storage server keep files beside it (tried for real: permission bits do not
     * tell it for root or for a read-only mount). Empty when it can, or when {@code url} names no existing local
     * H2 file.
     */
    static java.util.Optional<String> whyNotWritable(String url) {
        java.util.Optional<Path> file = localH2File(url);
        return file.isPresent() && Files.exists(file.get()) ? whyNotWritable(file.get()) : java.util.Optional.empty();
    }

    private static java.util.Optional<String> whyNotWritable(Path dbFile) {
        if (!Files.isWritable(dbFile)) {
            return java.util.Optional.of("the database file " + dbFile + " is not writable");
        }
        Path dir = dbFile.toAbsolutePath().getParent();
        if (dir != null && !canCreateFilesIn(dir)) {
            return java.util.Optional.of("cannot use the database " + dbFile + ": directory " + dir + " is not writable");
        }
        return java.util.Optional.empty();
    }

    private static IllegalArgumentException noDatabase(Path dbFile) {
        return new IllegalArgumentException("no NAS database at " + dbFile.toAbsolutePath().normalize()
                + " ('nas search' creates one; name another with --storage or $NAS_STORAGE)");
    }

    /** A plain file path stands for an H2 file (".mv.db" may be given or not). */
    static String resolve(String url) {
        String u = url.trim();
        if (u.isEmpty()) {
            throw new IllegalArgumentException("storage URL is empty");
        }
        if (u.startsWith("jdbc:")) {
            return u;
        }
        if (u.contains(":") && !u.matches("^[A-Za-z]:[\\\\/].*")) {
            throw new IllegalArgumentException("malformed storage URL '" + url
                    + "': use jdbc:h2:PATH, jdbc:postgresql://host:port/database, or a plain file path");
        }
        String path = u.endsWith(".mv.db") ? u.substring(0, u.length() - ".mv.db".length()) : u;
        if (!path.startsWith("/") && !path.startsWith("./") && !path.startsWith("../")) {
            path = "./" + path;
        }
        return "jdbc:h2:" + path;
    }

    static boolean isH2File(String lowerUrl) {
        return !lowerUrl.startsWith("jdbc:h2:mem:") && !lowerUrl.startsWith("jdbc:h2:tcp:")
                && !lowerUrl.startsWith("jdbc:h2:ssl:");
    }

    private static String h2Settings(String url, boolean create) {
        String lower = url.toLowerCase(Locale.ROOT);
        StringBuilder u = new StringBuilder(url);
        if (isH2File(lower)) {
            Path dbFile = h2File(url);
            if (!create && !Files.exists(dbFile)) {
                throw noDatabase(dbFile);
            }
            if (Files.exists(dbFile)) {
                java.util.Optional<String> why = whyNotWritable(dbFile);
                if (why.isPresent()) {
                    throw new IllegalArgumentException(why.get() + READ_ONLY_HINT);
                }
            } else if (create) {
                Path dir = dbFile.toAbsolutePath().getParent();
                for (Path up = dir; up != null; up = up.getParent()) {
                    if (Files.exists(up) && !Files.isDirectory(up)) {
                        throw new IllegalArgumentException("cannot create the database " + dbFile + ": " + up
                                + " is a file, not a directory");
                    }
                }
                if (dir != null && !canCreateFilesIn(dir)) {
                    throw new IllegalArgumentException("cannot create the database " + dbFile + ": directory " + dir
                            + " is not writable");
                }
            }
            if (!create) {
                addUnlessGiven(u, lower, "IFEXISTS", "TRUE");
            }
            // H2 reuses a superseded chunk's space only this long after the chunk was written (45 s by default, a
            // guess at when the OS has written it): with a store per group of commits that is gigabytes.
            // Transactions forces the commits to disk at short intervals instead ("File size and power cuts")
            addUnlessGiven(u, lower, "RETENTION_TIME", String.valueOf(H2_RETENTION_MILLIS));
            // H2's own compaction when the file is closed (up to MAX_COMPACT_TIME, 200 ms) is kept: H2 2.3.232 could
            // lose sessions to it (H2 issue 4247, fixed in 2.4.240), and NAS turned it off until it moved to 2.4.240
        } else if (lower.startsWith("jdbc:h2:mem:")) {
            addUnlessGiven(u, lower, "DB_CLOSE_DELAY", "-1");
        }
        addUnlessGiven(u, lower, "QUERY_CACHE_SIZE", String.valueOf(QUERY_CACHE_SIZE));
        return u.toString();
    }

    /** A trial touches about twenty distinct statements; H2's default cache of 8 would parse them again. */
    private static final int QUERY_CACHE_SIZE = 64;

    /** Appends H2's setting {@code ;KEY=value} unless the URL ({@code lower}, in lower case) gives the key. */
    private static void addUnlessGiven(StringBuilder url, String lower, String key, String value) {
        if (!lower.contains(key.toLowerCase(Locale.ROOT) + "=")) {
            url.append(';').append(key).append('=').append(value);
        }
    }

    /** The {@code .mv.db} file {@code url} names when it is a local H2 file (not in memory, not over TCP). */
    static java.util.Optional<Path> localH2File(String url) {
        String resolved = resolve(url);
        if (Dialect.of(resolved) != Dialect.H2 || !isH2File(resolved.toLowerCase(Locale.ROOT))) {
            return java.util.Optional.empty();
        }
        if (resolved.substring("jdbc:h2:".length()).split(";", 2)[0].isBlank()) {
            throw new IllegalArgumentException("storage URL '" + url + "' names no database file (use jdbc:h2:PATH)");
        }
        return java.util.Optional.of(h2File(resolved));
    }

    /**
     * How long connecting to PostgreSQL may take, TCP and login, unless the URL says: without it a host that
     * accepts the connection but never answers (a stalled server, another program on the port) blocks for ever.
     */
    static final int LOGIN_TIMEOUT_SECONDS = 10;

    private static String postgresSettings(String url) {
        java.util.Properties parsed = org.postgresql.Driver.parseURL(url, null);
        if (parsed == null || parsed.getProperty("PGDBNAME", "").isEmpty()) {
            throw new IllegalArgumentException("malformed PostgreSQL URL '" + redacted(url)
                    + "': use jdbc:postgresql://host:port/database");
        }
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.contains("logintimeout=") ? url
                : url + (url.contains("?") ? "&" : "?") + "loginTimeout=" + LOGIN_TIMEOUT_SECONDS;
    }

    /** The {@code .mv.db} file of an H2 file URL. */
    private static Path h2File(String url) {
        String path = url.substring("jdbc:h2:".length()).split(";", 2)[0];
        return Path.of((path.startsWith("file:") ? path.substring(5) : path) + ".mv.db");
    }

    /**
     * Whether files can be created in {@code dir}, tried for real: permission bits do not tell it
     * for root or for read-only file systems. A missing directory is H2's to create.
     */
    private static boolean canCreateFilesIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return !Files.exists(dir) && (dir.getParent() == null || !Files.isDirectory(dir.getParent())
                    || canCreateFilesIn(dir.getParent()));
        }
        try {
            Files.delete(Files.createTempFile(dir, ".nas-probe", ".tmp"));
            return true;
        } catch (java.io.IOException | SecurityException e) {
            return false;
        }
    }

    /** The {@code .mv.db} file of a local H2 database; only for {@link #localFile}. */
    Path databaseFile() {
        return h2File(jdbcUrl);
    }

    /** The database as the user named it: an H2 file's path, else the URL without a password. */
    String shownName() {
        return localFile ? databaseFile().toString() : redacted();
    }

    /** The URL as the user wrote it, without a password, for messages. */
    String redacted() {
        return redacted(given);
    }

    private static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
