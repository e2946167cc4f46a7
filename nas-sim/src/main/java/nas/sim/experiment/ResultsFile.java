package nas.sim.experiment;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Reads and writes a run's results document ({@code <config>_<yyyyMMdd_HHmmss>.json}). Writing is
 * crash-safe: the whole document goes to a temporary file in the same directory, which then replaces the
 * target atomically, so a reader (or a crash) sees either the previous or the new complete document.
 *
 * <p>The temporary file is {@code <name>.json.partial-<random>.tmp}. A process killed during a write (SIGKILL, power
 * loss) leaves it behind; {@link #removeStale} deletes those of a directory that are at least {@link #STALE} old.
 */
public final class ResultsFile {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * How old a temporary file must be (since it was last written) to be taken as left by a killed writer: a write
     * takes well under a second, so no live writer's file is this old.
     */
    public static final java.time.Duration STALE = java.time.Duration.ofHours(1);

    /**
     * The temporary files a write makes: {@code <name>.json.partial-<random>.tmp}, and, as versions before that
     * named them, {@code <name>.json<random>.tmp}.
     */
    private static final java.util.regex.Pattern TEMPORARY =
            java.util.regex.Pattern.compile(".+\\.json(\\.partial-)?\\d+\\.tmp");

    private ResultsFile() {
    }

    /**
     * A temporary file is created owner-only (0600); a results file is an ordinary document others may
     * read, like any file the user writes (0644), so the permissions are set before it takes its name.
     */
    private static void readableByAll(Path tmp) throws IOException {
        if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    public static void write(Path file, Map<String, Object> document) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName() + ".partial-", ".tmp");
            try {
                MAPPER.writeValue(tmp.toFile(), document);
                readableByAll(tmp);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write results file " + file, e);
        }
    }

    /**
     * Deletes the temporary files writes into {@code dir} left behind (a writer killed during a write): those named
     * as a write names them and last written at least {@link #STALE} before {@code now}. Other files, and a write's
     * file younger than that (a live writer's), are left alone. A file that cannot be deleted is left too.
     *
     * @return the files deleted
     */
    public static java.util.List<Path> removeStale(Path dir, java.time.Instant now) {
        java.util.List<Path> removed = new java.util.ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                try {
                    if (TEMPORARY.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f,
                            java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.getLastModifiedTime(f).toInstant()
                            .isAfter(now.minus(STALE)) && Files.deleteIfExists(f)) {
                        removed.add(f);
                    }
                } catch (IOException e) {
                    // gone meanwhile, or not ours to delete: left
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // an unreadable directory: nothing removed; writing into it reports the problem
        }
        return removed;
    }

    public static Map<String, Object> read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("could not read results file " + file + ": " + e.getMessage(), e);
        }
    }
}
