package nas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Every {@code @TempDir} of this module's tests (set as the default factory in junit-platform.properties): made as
 * JUnit makes them, and remembered under the test (or class) they were made for, so that {@link ServersStopped}
 * can stop the storage servers in them before JUnit deletes them.
 */
public final class TrackedTempDirs implements TempDirFactory {

    private static final Map<String, List<Path>> BY_CONTEXT = new ConcurrentHashMap<>();

    @Override
    public Path createTempDirectory(AnnotatedElementContext elementContext, ExtensionContext extensionContext)
            throws Exception {
        Path dir = Files.createTempDirectory("junit");
        BY_CONTEXT.computeIfAbsent(extensionContext.getUniqueId(), k -> new CopyOnWriteArrayList<>()).add(dir);
        return dir;
    }

    /** The directories made for {@code context} (a test, or a class for its static ones), forgotten from now on. */
    static List<Path> takeMadeFor(ExtensionContext context) {
        List<Path> dirs = BY_CONTEXT.remove(context.getUniqueId());
        return dirs == null ? List.of() : dirs;
    }
}
