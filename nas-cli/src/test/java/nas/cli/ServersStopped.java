package nas.cli;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * No storage server outlives the test that started it (registered for every test of this module by
 * META-INF/services; JUnit runs it after the test's own {@code @AfterEach} methods and before it deletes the
 * test's {@code @TempDir}s). After each test it stops the servers of that test's temporary directories and waits
 * for them to exit: an auto-started server would otherwise serve on until its idle timeout or until it noticed its
 * file deleted, and its last writes raced the directory's deletion. After each class it fails the class when a
 * server this JVM started is still running anyway: one on a database outside any temporary directory (which the
 * test must stop itself), or one that came back after being stopped.
 */
public final class ServersStopped implements AfterEachCallback, AfterAllCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        stopAndCheck(TrackedTempDirs.takeMadeFor(context));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopAndCheck(TrackedTempDirs.takeMadeFor(context));
        List<StorageServers.Server> left = StorageServers.childrenOfThisJvm();
        if (!left.isEmpty()) {
            left.forEach(s -> s.process().destroy());
            throw new AssertionError(context.getDisplayName() + " left storage servers running (now stopped): " + left);
        }
    }

    private static void stopAndCheck(List<Path> dirs) {
        if (dirs.isEmpty()) {
            return;
        }
        StorageServers.stop(dirs);
        List<StorageServers.Server> left = StorageServers.in(dirs);
        if (!left.isEmpty()) {
            throw new AssertionError("storage servers running in " + dirs + " after they were stopped: " + left);
        }
    }
}
