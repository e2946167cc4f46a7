package nas.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.h2.engine.Database;
import org.h2.mvstore.MVStore;

/**
 * The journal of finished trials beside an H2 file ({@code NAME.journal} next to
 * {@code NAME.mv.db}): a trial that ends is appended to it as one line before {@code tell}
 * returns, so a killed process loses no finished trial even though H2 writes its commits to the
 * file in the background. One append is a single small write; a forced H2 store per trial writes
 * about 30 KB of pages and keeps thousands of chunks alive in the file.
 *
 * <p>One journal exists per open H2 database, in the process that holds the file: the records of
 * other processes arrive through the SQL function {@code NAS_JOURNAL} ({@link H2Functions}).
 * Once H2 has stored every commit (a forced store, done every {@link #FLUSH_BYTES} bytes, by
 * {@code NAS_FLUSH()} and when a NAS storage closes), the journal file is removed. The records
 * left after a crash are replayed by the next process that opens the file, before it does
 * anything else.
 *
 * <p>A record is appended after its transaction committed, and the journal lock is held from the
 * forced store to the removal, so removing never drops a record whose commit the store missed.
 */
final class TrialJournal {

    /** Journal size that triggers a forced store and the journal's removal. */
    static final long FLUSH_BYTES = 1 << 20;

    private static final Map<Database, TrialJournal> OPEN = new WeakHashMap<>();

    private final Path path;
    private final MVStore store;
    /**
     * The first line of the journal: names the database file by its creation time, so that the
     * journal of a deleted database is never replayed into a new one of the same name.
     */
    private final String header;
    private FileChannel channel;
    private boolean recovered;

    private TrialJournal(Path path, MVStore store) {
        this.path = path;
        this.store = store;
        this.header = "{\"database_created\":" + store.getFileStore().getCreationTime() + "}";
    }

    /** The journal of an open H2 file database. */
    static TrialJournal of(Database database) {
        synchronized (OPEN) {
            return OPEN.computeIfAbsent(database, d -> new TrialJournal(
                    Path.of(d.getDatabasePath() + ".journal"), d.getStore().getMvStore()));
        }
    }

    /** Appends one record (a line without line breaks). */
    synchronized void append(String record) {
        try {
            if (channel == null) {
                channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
            }
            String text = channel.size() == 0 ? header + "\n" + record + "\n" : record + "\n";
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            if (channel.size() >= FLUSH_BYTES) {
                flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trial journal " + path, e);
        }
    }

    /** Writes every commit so far to the H2 file, then removes the journal. */
    synchronized void flush() {
        if (store.isClosed() || store.isReadOnly()) {
            // nothing to store any more; the journal stays for the next opening to check
            closeChannel();
            return;
        }
        if (store.commit() < 0) {
            // nothing new to store, but the background writer may still be writing what it took
            store.executeFilestoreOperation(() -> { });
        }
        closeChannel();
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the trial journal " + path, e);
        }
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // the appended records are written already; a failed close loses nothing
            }
            channel = null;
        }
    }

    /**
     * Runs {@code replay} with the records a crashed process left, once per opening of the
     * database; then stores everything and removes the journal. Callers wait for the first.
     */
    synchronized void recoverOnce(Replay replay) throws java.sql.SQLException {
        if (recovered) {
            return;
        }
        List<String> records = records();
        if (!records.isEmpty()) {
            replay.apply(records);
        }
        flush();
        recovered = true;
    }

    /** Replays records in the database. */
    @FunctionalInterface
    interface Replay {
        void apply(List<String> records) throws java.sql.SQLException;
    }

    /**
     * The complete records in the file, none when it belongs to another database; a line cut
     * short by a crash is not one.
     */
    private List<String> records() {
        if (!Files.exists(path)) {
            return List.of();
        }
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            int start = 0;
            for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
                if (end > start) {
                    out.add(text.substring(start, end));
                }
                start = end + 1;
            }
            return !out.isEmpty() && out.get(0).equals(header) ? out.subList(1, out.size()) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trial journal " + path, e);
        }
    }
}
