package nas.storage;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How readers of stored runs ({@code nas runs}, {@code nas run-status}, the dashboard) judge whether a run's holder
 * ({@link RunStore.Heartbeat}) still runs it: it holds the lease, its last heartbeat is at most {@link #grace()} old,
 * and, on this host, its process lives. A RUNNING run no live process holds is shown {@link #STOPPED}; the stored
 * status is left as it is (a reader writes nothing).
 *
 * <p>The grace is 60 s, or {@value #GRACE_ENV} seconds (0.1 to 86400); writers beat at a sixth of it.
 */
public final class RunLiveness {

    /** The status a RUNNING run is shown with when no process runs it. */
    public static final String STOPPED = "STOPPED";
    /** The environment variable giving the grace in seconds. */
    public static final String GRACE_ENV = "NAS_RUN_STALE_SECONDS";
    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(60);
    /** This host's name: the kernel's (no name lookup) where there is one. */
    public static final String HOST = hostName();

    private RunLiveness() {
    }

    /** Whether the run's holder still runs it. */
    public static boolean alive(RunStore.Heartbeat h) {
        if (!h.held() || h.silentMillis() > grace().toMillis()) {
            return false;
        }
        return !h.owner().host().equals(HOST) || ProcessHandle.of(h.owner().pid()).map(ProcessHandle::isAlive)
                .orElse(false);
    }

    /** The status to show for a run: {@link #STOPPED} for a RUNNING one no live process holds. */
    public static String shownStatus(RunStore.Run run, Optional<RunStore.Heartbeat> heartbeat) {
        return run.status().equals(RunStore.RUNNING) && !(heartbeat.isPresent() && alive(heartbeat.get())) ? STOPPED
                : run.status();
    }

    /**
     * How long a holder may be silent and still count as running the run.
     *
     * @throws IllegalArgumentException when {@value #GRACE_ENV} is not a number of seconds from 0.1 to 86400
     */
    public static Duration grace() {
        String s = System.getenv(GRACE_ENV);
        if (s == null || s.isBlank()) {
            return DEFAULT_GRACE;
        }
        double seconds;
        try {
            seconds = Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            seconds = Double.NaN;
        }
        if (!(seconds >= 0.1 && seconds <= 86_400)) {
            throw new IllegalArgumentException(GRACE_ENV + " must be a number of seconds from 0.1 to 86400, but got '"
                    + s + "'");
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static String hostName() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                String name = Files.readString(kernel, StandardCharsets.UTF_8).trim();
                if (!name.isEmpty()) {
                    return name;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // below
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
