package nas.cli;

/** Entry point of the {@code nas} command; the only place that exits the JVM. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // library warnings (failed trials, repeated reports) as one line each on stderr
        System.setProperty("java.util.logging.SimpleFormatter.format", "nas: %4$s: %5$s%6$s%n");
        System.exit(Nas.commandLine().execute(args));
    }
}
