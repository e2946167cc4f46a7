package nas.api;

import java.lang.System.Logger.Level;
import java.util.logging.Logger;

/**
 * How much NAS logs. NAS logs through {@link System.Logger} under names starting with {@code nas.}:
 * one INFO line per finished trial ("Trial 12 finished with value 0.25 and parameters {x=0.5}. Best is
 * trial 7 with value 0.125."), WARNING for failed trials and for settings that a sampler ignores.
 *
 * <p>By default the JDK sends {@code System.Logger} to {@code java.util.logging}, which prints INFO and
 * above on stderr. Change NAS's level with
 * <pre>{@code
 * NasLogging.setLevel(System.Logger.Level.WARNING);   // no per-trial lines
 * }</pre>
 * or without code, in a {@code java.util.logging} configuration file
 * ({@code -Djava.util.logging.config.file=logging.properties} holding {@code nas.level = WARNING}). An
 * application that routes {@code System.Logger} elsewhere (e.g. to SLF4J with
 * {@code slf4j-jdk-platform-logging}) sets the level of the {@code nas} loggers there instead. The
 * {@code nas} command shows a progress line rather than per-trial lines; {@code NAS_LOG_LEVEL=INFO}
 * turns them on.
 */
public final class NasLogging {

    /** The parent of every NAS logger; held here because java.util.logging keeps loggers only weakly. */
    private static final Logger ROOT = Logger.getLogger("nas");

    private NasLogging() {
    }

    /**
     * Logs NAS's messages at {@code level} and above ({@code OFF}: none, {@code ALL}: every one).
     *
     * @param level the lowest level logged
     */
    public static void setLevel(Level level) {
        ROOT.setLevel(julLevel(level));
    }

    /**
     * The level set by {@link #setLevel}, or INFO (java.util.logging's default) if none was set.
     *
     * @return the level set by {@link #setLevel}, or INFO (java.util.logging's default) if none was set
     */
    public static Level level() {
        java.util.logging.Level l = ROOT.getLevel();
        if (l == null) {
            return Level.INFO;
        }
        for (Level candidate : Level.values()) {
            if (julLevel(candidate).equals(l)) {
                return candidate;
            }
        }
        return Level.INFO;
    }

    /** The java.util.logging level the JDK maps a System.Logger level to. */
    static java.util.logging.Level julLevel(Level level) {
        return switch (level) {
            case ALL -> java.util.logging.Level.ALL;
            case TRACE -> java.util.logging.Level.FINER;
            case DEBUG -> java.util.logging.Level.FINE;
            case INFO -> java.util.logging.Level.INFO;
            case WARNING -> java.util.logging.Level.WARNING;
            case ERROR -> java.util.logging.Level.SEVERE;
            case OFF -> java.util.logging.Level.OFF;
        };
    }
}
