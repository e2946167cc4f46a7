package nas.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Which file a path named when this was taken (the file system's key: device and inode on Linux),
 * to notice later that the path names another file, or none: a database file removed, or removed
 * and made again, while a process still holds the old one open.
 */
public final class FileIdentity {

    private final Path path;
    /** Null where the file system has no keys, or when the file did not exist. */
    private final Object key;

    private FileIdentity(Path path, Object key) {
        this.path = path;
        this.key = key;
    }

    /** The file {@code path} names now. */
    public static FileIdentity of(Path path) {
        return new FileIdentity(path, keyOf(path));
    }

    /**
     * Whether {@code path} still names that file: false once it is removed or replaced. Where the file
     * system gives no keys, only removal is seen.
     */
    public boolean unchanged() {
        return key == null ? Files.exists(path) : key.equals(keyOf(path));
    }

    private static Object keyOf(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }
}
