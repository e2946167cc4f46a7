package nas.storage;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import nas.api.exception.StorageDamagedException;
import nas.api.json.Json;

/**
 * What an H2 file is known to hold, kept in a small file beside it ({@code NAME.hwm.json}): per
 * study, the number of trials finished with a result (COMPLETE or PRUNED) and the highest number
 * among them. A database that
 * holds less than that is damaged (a truncated file opens as an older state of itself, a file cut
 * short may open as an empty database) and is refused before anything is written to it, with the
 * last trial known to be stored. Serving it would hand out stored trial numbers again.
 *
 * <p>The mark only ever lags the database: it is a snapshot of finished trials, which are
 * durable before their call returns, written after them (when the storage closes, and at most
 * every {@link #INTERVAL_NANOS} while it works). Several processes may write it; each write takes a
 * lock and computes the snapshot under it, so the last write is the newest snapshot. A deleted
 * study leaves the mark with the next write. A mark that cannot be read is ignored with a warning:
 * it guards the database, it must never lock a healthy one out.
 */
final class HighWaterMark {

    private static final System.Logger LOG = System.getLogger(HighWaterMark.class.getName());
    /** Longest time between two writes while trials finish. */
    static final long INTERVAL_NANOS = 10_000_000_000L;
    /**
     * The states counted: those a trial reaches only through a durable write (a FAIL set by the
     * stale-heartbeat check is not, in the process holding the file, so it is left out).
     */
    private static final String FINISHED = "('COMPLETE', 'PRUNED')";

    /** What a study is known to hold. */
    record Mark(int finished, int lastFinished) {
    }

    private final Path file;
    private final Path lock;
    private final Path database;
    private volatile long lastWriteNanos = System.nanoTime();
    private volatile boolean dirty;

    private HighWaterMark(Path database) {
        String name = database.getFileName().toString().replaceFirst("\\.mv\\.db$", "");
        this.database = database;
        this.file = database.resolveSibling(name + ".hwm.json");
        this.lock = database.resolveSibling(name + ".hwm.lock");
    }

    /** The mark of an H2 file ({@code NAME.mv.db}). */
    static HighWaterMark of(Path database) {
        return new HighWaterMark(database);
    }

    /** What the mark says, by study name; empty when there is no mark (or it cannot be read). */
    Map<String, Mark> read() {
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            return Json.MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8),
                    new TypeReference<TreeMap<String, Mark>>() { });
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring the unreadable high-water mark {0}: {1}", file,
                    e.getMessage());
            return Map.of();
        }
    }

    /**
     * Before H2 opens the file: a database the mark knows of must exist (H2 would make an empty
     * one in its place).
     */
    void checkExists() {
        Map<String, Mark> marks = read();
        if (!Files.exists(database) && marks.values().stream().anyMatch(m -> m.finished() > 0)) {
            throw damaged("is missing", marks);
        }
    }

    /** Refuses a database that holds fewer finished trials than the mark, before anything writes to it. */
    void verify(Connection c) throws SQLException {
        Map<String, Mark> marks = read();
        if (marks.isEmpty()) {
            return;
        }
        boolean schema;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM "
                + "INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) = 'TRIALS'")) {
            r.next();
            schema = r.getInt(1) > 0;
        }
        Map<String, Mark> held = schema ? snapshot(c) : Map.of();
        for (Map.Entry<String, Mark> e : marks.entrySet()) {
            Mark known = e.getValue();
            Mark now = held.getOrDefault(e.getKey(), new Mark(0, -1));
            if (now.finished() < known.finished() || now.lastFinished() < known.lastFinished()) {
                throw damaged("is damaged: study '" + e.getKey() + "' holds " + now.finished() + " finished trials"
                        + (now.finished() > 0 ? " up to trial " + now.lastFinished() : "") + " but held "
                        + known.finished(), marks);
            }
        }
    }

    private StorageDamagedException damaged(String what, Map<String, Mark> marks) {
        StringBuilder last = new StringBuilder();
        marks.forEach((study, m) -> {
            if (m.finished() > 0) {
                last.append(last.length() == 0 ? "" : ", ").append("study '").append(study).append("' trial ")
                        .append(m.lastFinished());
            }
        });
        return new StorageDamagedException("the database " + database + " " + what + "; last trial known to be stored: "
                + last + " (from " + file.getFileName() + "); restore the file from a backup, or move "
                + file.getFileName() + " aside to open it as it is");
    }

    /** Notes that finished trials or studies changed, for the next write (on close at the latest). */
    void changed() {
        dirty = true;
    }

    /** Whether a write is due: something changed and the last write is old enough. */
    boolean due() {
        return dirty && System.nanoTime() - lastWriteNanos >= INTERVAL_NANOS;
    }

    /** Writes the mark if anything changed since the last write. */
    void writeIfChanged(Connection c) throws SQLException {
        if (dirty) {
            write(c);
        }
    }

    /** For a file H2 cannot read at all. */
    StorageDamagedException unreadable() {
        return damaged("cannot be read (not an H2 database any more)", read());
    }

    /** Computes the snapshot under the lock and replaces the mark atomically. */
    void write(Connection c) throws SQLException {
        dirty = false;
        lastWriteNanos = System.nanoTime();
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            String json = Json.write(snapshot(c));
            c.commit();
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(java.nio.ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
                out.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // a mark not written only weakens the check; the trials themselves are stored
            dirty = true;
            if (!JdbcErrors.isDiskFull(e)) {
                // (a full disk is reported once, by the write that met it)
                LOG.log(System.Logger.Level.WARNING, "could not write the high-water mark {0}: {1}", file,
                        e.getMessage());
            }
        }
    }

    /** Finished trials per study as the database holds them now (the index on study and state counts them). */
    private static Map<String, Mark> snapshot(Connection c) throws SQLException {
        Map<String, Mark> out = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT s.study_name, "
                + "(SELECT COUNT(*) FROM trials t WHERE t.study_id = s.study_id AND t.state IN " + FINISHED + "), "
                + "(SELECT MAX(t.trial_number) FROM trials t WHERE t.study_id = s.study_id AND t.state IN " + FINISHED
                + ") FROM studies s")) {
            while (r.next()) {
                int finished = r.getInt(2);
                int last = r.getInt(3);
                out.put(r.getString(1), new Mark(finished, r.wasNull() ? -1 : last));
            }
        }
        return out;
    }
}
