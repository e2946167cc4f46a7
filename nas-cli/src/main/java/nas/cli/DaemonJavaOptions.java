package nas.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JVM options of a storage server that a command starts by itself: the ones the {@code nas} launcher
 * gives every command ({@code $NAS_JAVA_OPTS}; when unset, the serial collector on one or two cores, as the
 * launcher decides), the launcher's class-data archive of servers ({@code $NAS_SERVER_ARCHIVE}), then
 * {@code $NAS_SERVER_JAVA_OPTS} for the server alone (its heap, e.g. {@code -Xmx2g}, or
 * {@code -XX:TieredStopAtLevel=1}, the quick compiler alone, for short-lived servers; a later option wins
 * over an earlier one). Both compilers by default: the quick compiler alone spares a new server its optimizing
 * compiles (a 1,000-generation {@code nas evolve}'s server 4.8-5.0 CPU-s instead of 9.3-10.9) but runs slower code:
 * sustained study writes cost about 13% more CPU a trial and a warm server's CSV export of 200,001 trials got about
 * a third slower (docs/storage.md).
 */
final class DaemonJavaOptions {

    /** The launcher's options for every command. */
    static final String LAUNCHER_OPTIONS = "NAS_JAVA_OPTS";
    /** Options for auto-started servers only. */
    static final String SERVER_OPTIONS = "NAS_SERVER_JAVA_OPTS";
    /**
     * The class-data archive the {@code nas} launcher made from a server's classes, set only while it
     * matches nas.jar: the server maps those classes instead of loading them.
     */
    static final String SERVER_ARCHIVE = "NAS_SERVER_ARCHIVE";

    private DaemonJavaOptions() {
    }

    /** The options for this process's environment and processor count. */
    static List<String> current() {
        return of(System.getenv(), Runtime.getRuntime().availableProcessors());
    }

    static List<String> of(Map<String, String> env, int processors) {
        List<String> options = new ArrayList<>();
        String launcher = env.get(LAUNCHER_OPTIONS);
        if (launcher != null) {
            options.addAll(words(launcher));
        } else if (processors <= 2) {
            // the launcher's rule: G1's concurrent threads would compete with the work on two cores
            options.add("-XX:+UseSerialGC");
        }
        String archive = env.get(SERVER_ARCHIVE);
        if (archive != null && !archive.isBlank()) {
            // as the launcher runs commands: an archive the JVM cannot use is ignored without a word
            options.addAll(List.of("-XX:SharedArchiveFile=" + archive.strip(), "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off"));
        }
        String server = env.get(SERVER_OPTIONS);
        if (server != null) {
            options.addAll(words(server));
        }
        return options;
    }

    /** The words of an option string, split at blanks as the launcher's shell splits them. */
    private static List<String> words(String options) {
        List<String> out = new ArrayList<>();
        for (String w : options.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
