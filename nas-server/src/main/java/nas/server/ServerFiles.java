package nas.server;

import java.nio.file.Path;

/**
 * The files a storage server keeps next to the database it owns ({@code NAME.mv.db}):
 * {@code NAME.nas-server} (its endpoint and secret, owner-only), {@code NAME.nas-server.lock} (the
 * OS lock that makes one process the owner) and {@code NAME.nas-server.log} (what a daemon prints).
 *
 * @param database the database file
 */
public record ServerFiles(Path database) {

    public ServerFiles {
        database = database.toAbsolutePath().normalize();
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
