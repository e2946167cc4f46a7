package nas.cli;

import java.lang.System.Logger.Level;
import java.util.Locale;
import nas.api.NasLogging;

/** Entry point of the {@code nas} command; the only place that exits the JVM (besides an aborting second Ctrl-C). */
public final class Main {

    /** The environment variable that sets the log level of the command (default WARNING). */
    static final String LOG_LEVEL_ENV = "NAS_LOG_LEVEL";

    /**
     * Smile, under fANOVA's forests, logs every tree's out-of-bag R² (INFO) and small forests' trees without
     * out-of-bag samples (SEVERE) through SLF4J: nothing a user can act on, so shown only from DEBUG on. Held
     * here because java.util.logging keeps loggers only weakly.
     */
    private static final java.util.logging.Logger SMILE = java.util.logging.Logger.getLogger("smile");

    /**
     * The PostgreSQL driver warns about a malformed URL ("JDBC URL invalid port number") before NAS's own
     * one-line message about it: shown only from DEBUG on, like Smile's.
     */
    private static final java.util.logging.Logger POSTGRES = java.util.logging.Logger.getLogger("org.postgresql");

    private Main() {
    }

    public static void main(String[] args) {
        // log lines (failed trials; with NAS_LOG_LEVEL=INFO one per trial) as one line each on stderr
        System.setProperty("java.util.logging.SimpleFormatter.format", "nas: %4$s: %5$s%6$s%n");
        String level = System.getenv(LOG_LEVEL_ENV);
        try {
            Level chosen = level == null || level.isBlank() ? Level.WARNING
                    : Level.valueOf(level.trim().toUpperCase(Locale.ROOT));
            NasLogging.setLevel(chosen);
            // a level of its own (not null) also tells nas-analysis, which quiets Smile otherwise, that it was chosen
            SMILE.setLevel(chosen.getSeverity() <= Level.DEBUG.getSeverity() ? java.util.logging.Level.ALL
                    : java.util.logging.Level.OFF);
            POSTGRES.setLevel(SMILE.getLevel() == java.util.logging.Level.ALL ? null : SMILE.getLevel());
        } catch (IllegalArgumentException e) {
            System.err.println("nas: " + LOG_LEVEL_ENV + " must be one of OFF, ERROR, WARNING, INFO, DEBUG, TRACE, ALL, "
                    + "but is '" + level + "'");
            System.exit(Nas.BAD_INPUT);
        }
        int code;
        try {
            code = Nas.commandLine(args).execute(args);
        } catch (OutOfMemoryError e) {
            // one line, not the JVM's stack trace: what was asked for does not fit in this JVM's heap
            System.err.println("nas: out of memory (" + e.getMessage() + "): ask for less (a smaller population, "
                    + "candidate count or data set), or give Java more memory with NAS_JAVA_OPTS=-Xmx...");
            code = Nas.FAILURE;
        }
        System.exit(code);
    }
}
