package nas.server;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nas.storage.JdbcStorage;

/**
 * The files a storage server keeps next to the database it owns ({@code NAME.mv.db}):
 * {@code NAME.nas-server} (its endpoint and secret, owner-only), {@code NAME.nas-server.lock} (the
 * OS lock that makes one process the owner) and {@code NAME.nas-server.log} (what a daemon prints).
 * A database that is not a file on this machine (PostgreSQL) has its server's files in the user's
 * server directory instead ({@link #forDatabase}).
 *
 * @param database the database file, or for a database elsewhere the path its files are named after
 */
public record ServerFiles(Path database) {

    /** The environment variable naming the directory of servers in front of databases elsewhere. */
    public static final String DIR_ENV = "NAS_SERVER_DIR";

    public ServerFiles {
        database = database.toAbsolutePath().normalize();
    }

    /**
     * The server files of the database {@code url} names: beside an H2 file; for another database
     * (PostgreSQL) in {@code $NAS_SERVER_DIR}, by default {@code ~/.nas/servers}, under a name made
     * of its host, port, database, user and schema (never its password), so that every command on
     * this machine given the same database finds the same server.
     *
     * @throws IllegalArgumentException for a malformed URL
     */
    public static ServerFiles forDatabase(String url) {
        return JdbcStorage.h2File(url).map(ServerFiles::new)
                .orElseGet(() -> new ServerFiles(serverDirectory().resolve(remoteName(url))));
    }

    /** Whether the files are beside a database file that the server owns (else the database is elsewhere). */
    public boolean besideDatabaseFile() {
        return database.getFileName().toString().endsWith(".mv.db");
    }

    /** The directory of servers in front of databases elsewhere. */
    static Path serverDirectory() {
        String dir = System.getenv(DIR_ENV);
        return dir != null && !dir.isBlank() ? Path.of(dir)
                : Path.of(System.getProperty("user.home"), ".nas", "servers");
    }

    /** Creates the directory the files are in, owner-only when it is new (it holds the server's secret). */
    public void createDirectory() throws IOException {
        Path dir = database.getParent();
        if (Files.notExists(dir)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made meanwhile by another server or client
            }
        }
    }

    /**
     * A file name for a database elsewhere: readable parts (host, port, database) and a digest of
     * everything that identifies it (user and schema too), without the password.
     */
    static String remoteName(String url) {
        String rest = url.trim();
        if (!rest.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            throw new IllegalArgumentException("not a database URL: " + url);
        }
        URI uri = URI.create(rest.substring("jdbc:".length()));
        String scheme = uri.getScheme() == null ? "db" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "localhost" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        Map<String, String> identity = new TreeMap<>();
        if (uri.getRawQuery() != null) {
            for (String kv : uri.getRawQuery().split("&")) {
                String[] p = kv.split("=", 2);
                String key = p[0].toLowerCase(Locale.ROOT);
                if (key.equals("user") || key.equals("currentschema")) {
                    identity.put(key, p.length > 1 ? p[1] : "");
                }
            }
        }
        String id = scheme + "://" + host + ":" + port + "/" + database + "?" + identity;
        String readable = (scheme + "-" + host + "-" + (port < 0 ? "default" : port) + "-" + database)
                .replaceAll("[^A-Za-z0-9._-]", "_");
        return readable + "-" + digest(id);
    }

    private static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private String base() {
        String name = database.getFileName().toString();
        return name.endsWith(".mv.db") ? name.substring(0, name.length() - ".mv.db".length()) : name;
    }

    public Path endpoint() {
        return database.resolveSibling(base() + ".nas-server");
    }

    public Path lock() {
        return database.resolveSibling(base() + ".nas-server.lock");
    }

    public Path log() {
        return database.resolveSibling(base() + ".nas-server.log");
    }
}
