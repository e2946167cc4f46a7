package nas.server;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nas.api.exception.StorageException;

/**
 * Where a running server listens and the secret it wants, as kept in its server file next to the
 * database. The file is created readable and writable by its owner only (0600) from the start,
 * then renamed into place, so no other user ever sees its contents and no client reads half of it.
 *
 * @param host   the address it listens on (127.0.0.1 unless asked otherwise)
 * @param port   its TCP port
 * @param secret what each request must present
 * @param pid    the server's process id
 */
public record ServerEndpoint(String host, int port, String secret, long pid) {

    /** Writes this endpoint to {@code file}, owner-only from its creation. */
    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve(file.getFileName() + "." + pid + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot create " + tmp + ": it appeared meanwhile", e);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", host);
        m.put("port", port);
        m.put("secret", secret);
        m.put("pid", pid);
        Files.write(tmp, Wire.write(m));
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The endpoint in {@code file}; empty when there is none (or a half-removed one).
     *
     * @throws StorageException when the file exists but cannot be read (another user's server)
     */
    public static Optional<ServerEndpoint> read(Path file) {
        try {
            Map<String, Object> m = Wire.readObject(Files.readAllBytes(file));
            return Optional.of(new ServerEndpoint((String) m.get("host"), ((Number) m.get("port")).intValue(),
                    (String) m.get("secret"), ((Number) m.get("pid")).longValue()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (AccessDeniedException e) {
            throw new StorageException("cannot read the storage server's file " + file
                    + ": it belongs to another user, whose server owns this database");
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
