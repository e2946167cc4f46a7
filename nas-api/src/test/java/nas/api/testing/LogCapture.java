package nas.api.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures what NAS logs (the {@code nas} loggers, java.util.logging behind System.Logger) while it is
 * open, instead of printing it, so a test that fails trials on purpose asserts its expected WARNING lines
 * rather than filling the build log with them.
 *
 * <pre>{@code
 * try (LogCapture log = LogCapture.start()) {
 *     study.optimize(...);
 *     assertThat(log.messages(Level.WARNING)).containsExactly("trial 0 of study 'x' failed: ...");
 * }
 * }</pre>
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final Level previousLevel;
    private final boolean previousUseParent;
    private final List<LogRecord> records = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    private LogCapture(Logger logger, Level level) {
        this.logger = logger;
        this.previousLevel = logger.getLevel();
        this.previousUseParent = logger.getUseParentHandlers();
        logger.setLevel(level);
        logger.setUseParentHandlers(false);
        logger.addHandler(this);
    }

    /** Captures the {@code nas} loggers at WARNING and above. */
    public static LogCapture start() {
        return start(Level.WARNING);
    }

    /** Captures the {@code nas} loggers at {@code level} and above. */
    public static LogCapture start(Level level) {
        return new LogCapture(Logger.getLogger("nas"), level);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    /** The formatted messages logged at exactly {@code level}, in order. */
    public synchronized List<String> messages(Level level) {
        List<String> out = new ArrayList<>();
        for (LogRecord r : records) {
            if (r.getLevel().equals(level)) {
                out.add(formatter.formatMessage(r));
            }
        }
        return out;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(previousUseParent);
        logger.setLevel(previousLevel);
    }
}
