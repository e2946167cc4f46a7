package nas.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How readers of stored runs ({@code nas runs}, {@code nas run-status}, the dashboard) judge whether a run's holder
 * ({@link RunStore.Heartbeat}) still runs it: it holds the lease, its last heartbeat is at most {@link #grace()} old,
 * and, when its pid belongs to this process's pid space ({@link #PID_SPACE}), its process lives. A RUNNING run no live
 * process holds is shown {@link #STOPPED}; the stored status is left as it is (a reader writes nothing).
 *
 * <p>A host name alone does not tell whether a pid can be looked at: containers sharing one (host networking, a
 * hostname given to several, cloned machines) each number their processes on their own, and a live writer's pid may
 * be absent, or another process's, here. So a writer records its pid space with its host (the kernel's boot id and
 * its pid namespace), and a reader looks at the pid only within the same pid space on the same host; elsewhere, and
 * wherever either could not tell its pid space, the heartbeat alone decides.
 *
 * <p>The grace is 60 s, or {@value #GRACE_ENV} seconds (0.1 to 86400); writers beat at a sixth of it.
 */
public final class RunLiveness {

    /** The status a RUNNING run is shown with when no process runs it. */
    public static final String STOPPED = "STOPPED";
    /** The environment variable giving the grace in seconds. */
    public static final String GRACE_ENV = "NAS_RUN_STALE_SECONDS";
    /** The form of a pid space: a pid namespace, "@", a boot id. */
    static final String PID_SPACE_FORM = "pid:\\[\\d+\\]@[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(60);
    /** This host's name: the kernel's (no name lookup) where there is one. */
    public static final String HOST = hostName();
    /**
     * The pid space this process's pid belongs to: its pid namespace and the kernel's boot, "pid:[4026531836]@&lt;boot
     * id&gt;"; null where this cannot be told (no /proc, or a /proc that is not this pid namespace's), and then no pid
     * is looked at.
     */
    public static final String PID_SPACE = pidSpace(Path.of("/proc"), ProcessHandle.current().pid());
    /** Where a writer runs, as its lease records it ({@link RunStore.Owner#host}): the host and its pid space. */
    public static final String WHERE = PID_SPACE == null || HOST.length() + PID_SPACE.length() >= 255 ? HOST
            : HOST + " " + PID_SPACE;

    private RunLiveness() {
    }

    /** Whether the run's holder still runs it. */
    public static boolean alive(RunStore.Heartbeat h) {
        if (!h.held() || h.silentMillis() > grace().toMillis()) {
            return false;
        }
        return !pidVisible(h.owner()) || ProcessHandle.of(h.owner().pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Whether {@code owner}'s pid belongs to this process's pid space, so that whether it lives can be looked at. */
    public static boolean pidVisible(RunStore.Owner owner) {
        return PID_SPACE != null && owner.hostName().equals(HOST) && owner.pidSpace().filter(PID_SPACE::equals)
                .isPresent();
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

    /**
     * The pid space of the process {@code pid} as {@code proc} (a /proc) shows it: "pid:[N]@&lt;boot id&gt;", or null
     * when it cannot be read or {@code proc} numbers processes otherwise ({@code /proc/self} is not {@code pid}: a /proc
     * mounted for another pid namespace, where a pid's entry would be another process's).
     */
    static String pidSpace(Path proc, long pid) {
        try {
            if (!Files.readSymbolicLink(proc.resolve("self")).toString().equals(Long.toString(pid))) {
                return null;
            }
            String namespace = Files.readSymbolicLink(proc.resolve("self/ns/pid")).toString();
            String boot;
            // one read: some /proc/sys files give nothing to a read past their start
            try (InputStream in = Files.newInputStream(proc.resolve("sys/kernel/random/boot_id"))) {
                boot = new String(in.readNBytes(64), StandardCharsets.US_ASCII).trim();
            }
            String space = namespace + "@" + boot;
            return space.matches(PID_SPACE_FORM) ? space : null;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
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
