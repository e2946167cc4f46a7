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
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import nas.api.TrialState;
import nas.api.exception.StorageDamagedException;
import nas.api.json.Json;

/**
 * What an H2 file is known to hold, kept in a small file beside it ({@code NAME.hwm.json}): per
 * study, the highest number of a trial finished with a result (COMPLETE or PRUNED). A database in
 * which that trial is missing or unfinished is damaged (a truncated file opens as an older state of
 * itself, a file cut short may open as an empty database) and is refused before anything is written
 * to it, with the last trial known to be stored. Serving it would hand out stored trial numbers
 * again. One point lookup per study checks it, so opening a large study costs nothing more.
 *
 * <p>The mark only ever lags the database: this process notes the trials it finished (COMPLETE and
 * PRUNED reach the database durably before their call returns; a FAIL set by the stale-heartbeat
 * check does not, so FAIL is left out) and writes the mark after them, when the storage closes and
 * at most every {@link #INTERVAL_NANOS} while it works. Several processes share the mark: each write
 * takes a lock, reads the mark and raises only its own studies' entries, for studies that still
 * exist. Deleting a study removes its entry before the study goes. A mark that cannot be read is
 * ignored with a warning: it guards the database and must never lock a healthy one out.
 */
final class HighWaterMark {

    private static final System.Logger LOG = System.getLogger(HighWaterMark.class.getName());
    /** Longest time between two writes while trials finish. */
    static final long INTERVAL_NANOS = 10_000_000_000L;

    /** What a study is known to hold: its id and the highest number of a trial finished with a result. */
    record Mark(long studyId, int lastFinished) {
    }

    private final Path file;
    private final Path lock;
    private final Path database;
    /** Highest trial number this process finished with a result, by study id, not yet written. */
    private final Map<Long, Integer> finished = new ConcurrentHashMap<>();
    private volatile long lastWriteNanos = System.nanoTime();
    /**
     * The database file as it was opened. A process that still holds a removed or replaced file open
     * must not write its mark beside the new one: the mark would refuse a fresh database as damaged.
     */
    private volatile FileIdentity opened;

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

    /**
     * Whether the mark can be read if there is one. Another user's mark is owner-only: a reader of their file
     * ({@link JdbcStorage#openReadOnly}) then goes without it, as without a mark.
     */
    boolean readable() {
        return !Files.exists(file) || Files.isReadable(file);
    }

    /** What the mark says, by study name; empty when there is no mark (or it cannot be read). */
    Map<String, Mark> read() {
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            return Json.READER.forType(new TypeReference<TreeMap<String, Mark>>() { })
                    .readValue(Files.readString(file, StandardCharsets.UTF_8));
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
        if (!Files.exists(database) && !marks.isEmpty()) {
            throw damaged("is missing", marks);
        }
    }

    /** Whether the database file is the one this process opened (not removed or replaced since). */
    boolean fileUnchanged() {
        FileIdentity ours = opened;
        return ours == null || ours.unchanged();
    }

    /** The database file was replaced by this process (its compacted copy): the mark guards the new one from now on. */
    void reidentify() {
        opened = FileIdentity.of(database);
    }

    /** Refuses a database that lacks a trial the mark knows, before anything writes to it. */
    void verify(Connection c) throws SQLException {
        opened = FileIdentity.of(database);
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
        for (Map.Entry<String, Mark> e : marks.entrySet()) {
            Mark m = e.getValue();
            if (!schema || !holds(c, e.getKey(), m)) {
                throw damaged("is damaged: study '" + e.getKey() + "' has no finished trial " + m.lastFinished(), marks);
            }
        }
    }

    /** Whether the study has this id and its trial is COMPLETE or PRUNED. */
    private static boolean holds(Connection c, String study, Mark m) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT t.state FROM trials t JOIN studies s ON s.study_id = "
                + "t.study_id WHERE s.study_id = ? AND s.study_name = ? AND t.trial_number = ?")) {
            p.setLong(1, m.studyId());
            p.setString(2, study);
            p.setInt(3, m.lastFinished());
            try (ResultSet r = p.executeQuery()) {
                return r.next() && (r.getString(1).equals("COMPLETE") || r.getString(1).equals("PRUNED"));
            }
        }
    }

    private StorageDamagedException damaged(String what, Map<String, Mark> marks) {
        StringBuilder last = new StringBuilder();
        marks.forEach((study, m) -> last.append(last.length() == 0 ? "" : ", ").append("study '").append(study)
                .append("' trial ").append(m.lastFinished()));
        return new StorageDamagedException("the database " + database + " " + what + "; "
                + StorageDamagedException.LAST_STORED + last + " (from " + file.getFileName() + "); restore the file from a backup, or move "
                + file.getFileName() + " aside to open it as it is");
    }

    /** For a file H2 cannot read at all. */
    StorageDamagedException unreadable() {
        return damaged("cannot be read (not an H2 database any more)", read());
    }

    /** Notes a trial this process finished; COMPLETE and PRUNED count. */
    void finished(long studyId, int number, TrialState state) {
        if (state == TrialState.COMPLETE || state == TrialState.PRUNED) {
            finished.merge(studyId, number, Math::max);
        }
    }

    /** Whether a write is due: trials finished and the last write is old enough. */
    boolean due() {
        return !finished.isEmpty() && System.nanoTime() - lastWriteNanos >= INTERVAL_NANOS;
    }

    /** Writes what this process finished since the last write, if anything. */
    void writeIfChanged(Connection c) throws SQLException {
        if (!finished.isEmpty()) {
            update(c, -1);
        }
    }

    /** Removes a study's entry; called before the study is deleted, so a crash in between leaves no false alarm. */
    void forget(Connection c, long studyId) throws SQLException {
        finished.remove(studyId);
        update(c, studyId);
    }

    /**
     * Under the lock: reads the mark, raises the entries of the studies this process finished trials
     * in (those that still exist), drops {@code deletedStudy}'s, and replaces the file atomically.
     * Synchronized: the file lock excludes other processes only, and a second thread of this one
     * asking for it would fail ({@code OverlappingFileLockException}) instead of waiting.
     */
    synchronized void update(Connection c, long deletedStudy) throws SQLException {
        lastWriteNanos = System.nanoTime();
        Map<Long, Integer> mine = new HashMap<>(finished);
        mine.keySet().forEach(finished::remove);
        FileIdentity ours = opened;
        if (ours != null && !ours.unchanged()) {
            LOG.log(System.Logger.Level.WARNING, "not writing the high-water mark {0}: the database file was removed "
                    + "or replaced since this process opened it", file);
            return;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            Map<String, Mark> marks = new TreeMap<>(read());
            marks.values().removeIf(m -> m.studyId() == deletedStudy);
            for (Map.Entry<Long, Integer> e : mine.entrySet()) {
                String name = studyName(c, e.getKey());
                if (name != null) {
                    Mark old = marks.get(name);
                    int last = old != null && old.studyId() == e.getKey() ? Math.max(old.lastFinished(), e.getValue())
                            : e.getValue();
                    marks.put(name, new Mark(e.getKey(), last));
                }
            }
            replace(Json.write(marks));
        } catch (IOException e) {
            // a mark not written only weakens the check; the trials themselves are stored
            mine.forEach((study, n) -> finished.merge(study, n, Math::max));
            if (!JdbcErrors.isDiskFull(e)) {
                // (a full disk is reported once, by the write that met it)
                LOG.log(System.Logger.Level.WARNING, "could not write the high-water mark {0}: {1}", file,
                        e.getMessage());
            }
        }
    }

    private void replace(String json) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String studyName(Connection c, long studyId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT study_name FROM studies WHERE study_id = ?")) {
            p.setLong(1, studyId);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
