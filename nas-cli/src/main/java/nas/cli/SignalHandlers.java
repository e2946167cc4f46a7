package nas.cli;

import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * One handler for SIGINT, SIGTERM and SIGHUP, installed together and put back together, for the commands that
 * stop cleanly on them ({@code nas search}, {@code nas evolve}). It replaces the JVM's default, which would
 * start shutting down under the running work. It uses {@code sun.misc.Signal} (module {@code jdk.unsupported}),
 * the JDK's only way to handle a signal without shutting down. A signal the process inherited ignored (SIGHUP
 * under {@code nohup}) stays ignored: the JVM installs no handler for it and returns {@code SIG_IGN} as the
 * previous one, which {@link #close()} puts back. Under {@code -Xrs} the JVM keeps these signals (the OS's
 * default action ends the process): {@code Signal.handle} refuses them and nothing is installed.
 */
final class SignalHandlers implements AutoCloseable {

    private final List<Signal> signals = List.of(new Signal("INT"), new Signal("TERM"), new Signal("HUP"));
    private final List<SignalHandler> previous;

    SignalHandlers(SignalHandler handler) {
        this.previous = signals.stream().map(s -> install(s, handler)).toList();
    }

    /** Handles {@code signal} with {@code handler}; null when the JVM keeps it ({@code -Xrs}). */
    private static SignalHandler install(Signal signal, SignalHandler handler) {
        try {
            return Signal.handle(signal, handler);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Puts the previous handlers back. */
    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            if (previous.get(i) != null) {
                Signal.handle(signals.get(i), previous.get(i));
            }
        }
    }
}
