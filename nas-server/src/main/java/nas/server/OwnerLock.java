package nas.server;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The OS file lock that makes one process the owner of a database: whoever holds it serves the
 * file, and the OS releases it when that process ends, however it ends. Two servers started at
 * once race for it and one of them wins.
 */
public final class OwnerLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private OwnerLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, if no other process (or other holder in this one) has it. */
    public static Optional<OwnerLock> tryAcquire(Path file) throws IOException {
        FileChannel channel = open(file);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new OwnerLock(channel, lock));
            }
        } catch (OverlappingFileLockException e) {
            // held in this process already
        }
        channel.close();
        return Optional.empty();
    }

    /** Whether some process holds the lock now (without keeping it). */
    public static boolean isHeld(Path file) throws IOException {
        Optional<OwnerLock> lock = tryAcquire(file);
        lock.ifPresent(OwnerLock::close);
        return lock.isEmpty();
    }

    private static FileChannel open(Path file) throws IOException {
        if (Files.notExists(file)) {
            // a new database in a directory that does not exist yet: H2 would create the directory with the
            // file, and the lock next to it comes first
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // created by another process meanwhile
            }
        }
        return FileChannel.open(file, Set.of(StandardOpenOption.WRITE));
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // released with the channel or the process anyway
        }
    }
}
