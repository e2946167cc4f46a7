package nas.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import nas.api.storage.Storage;
import nas.storage.JdbcStorage;

/**
 * Opens a database from a program alongside the {@code nas} commands. An H2 file is owned by one process at a
 * time: the commands reach it through a storage server they start, which stays a minute after its last
 * request; while that server runs, a program must go through it too. So: an H2 file whose server answers is
 * reached through that server, any other database (an H2 file no server owns, PostgreSQL) is opened here.
 *
 * <pre>{@code
 * try (Storage storage = SharedStorage.open("jdbc:h2:./nas-studies")) {   // the CLI's default file
 *     ResumedStudy.resume(storage, "demo").optimize(20);
 * }
 * }</pre>
 */
public final class SharedStorage {

    private SharedStorage() {
    }

    /**
     * The storage at {@code url}: through the live storage server of an H2 file, else opened in this process
     * (then no {@code nas} command can use an H2 file until it is closed).
     *
     * @param url a JDBC URL ({@code jdbc:h2:PATH}, {@code jdbc:postgresql://host:port/db})
     * @return the storage; close it when done
     * @throws IllegalArgumentException for a malformed or unsupported URL
     * @throws nas.api.exception.StorageException when the database cannot be opened
     */
    public static Storage open(String url) {
        Optional<Path> file = JdbcStorage.h2File(url);
        if (file.isPresent()) {
            ServerFiles files = new ServerFiles(file.get());
            Optional<ServerEndpoint> published = ServerEndpoint.read(files.endpoint());
            if (published.isPresent() && new ServerLauncher(files, List.of()).answers(published.get())) {
                return RemoteStorage.connect(published.get());
            }
        }
        return JdbcStorage.open(url);
    }
}
