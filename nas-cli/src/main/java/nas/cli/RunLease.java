package nas.cli;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import nas.storage.RunLiveness;
import nas.storage.RunStore;

/**
 * This process's hold on a stored run, and whether another process still holds one. Every writer of runs
 * ({@code nas evolve}, {@code --store-runs}, {@code nas import}) takes the run's lease when it creates or resumes it,
 * beats on it every {@link #interval()} (and with every stored generation) and gives it up when it ends. A holder
 * silent for longer than {@link #grace()}, or one whose process has ended in this pid space (same host, same boot,
 * same pid namespace: {@link RunLiveness#PID_SPACE}), no longer runs the run:
 * readers show it as {@link RunLiveness#STOPPED}, and {@code nas evolve --resume} takes it over. A live holder's run
 * is neither resumed nor deleted.
 *
 * <p>The grace is 60 s: six heartbeats of 10 s, so that a storage server restarting, a long garbage collection or a
 * generation slow to store (each delays a beat by seconds) never makes a live run look stopped, while a run whose
 * process died on another host (or in another container) is shown stopped, and can be resumed, within a minute. In
 * the same pid space a killed process is seen at once (its pid is gone). {@value RunLiveness#GRACE_ENV} sets another
 * grace, in seconds (the heartbeat interval follows: a sixth of it); give every process reading and writing the runs
 * the same one.
 */
final class RunLease implements AutoCloseable {

    private static final SecureRandom LEASES = new SecureRandom();
    /** One thread beats for every run this process holds. */
    private static final ScheduledExecutorService BEATS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nas-run-heartbeat");
        t.setDaemon(true);
        return t;
    });

    private final RunStore runs;
    private final String runId;
    private final RunStore.Owner owner;
    private final ScheduledFuture<?> beats;
    /** Why this process no longer holds the run, once a heartbeat found it taken over; null while it does. */
    private volatile String lost;

    private RunLease(RunStore runs, String runId, RunStore.Owner owner, Duration every) {
        this.runs = runs;
        this.runId = runId;
        this.owner = owner;
        long ms = Math.max(1, every.toMillis());
        this.beats = BEATS.scheduleWithFixedDelay(this::beat, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Creates {@code run}, held by this process. */
    static RunLease create(RunStore runs, RunStore.Run run) {
        return create(runs, run, interval());
    }

    /** Creates {@code run}, held by this process, beating {@code every} so often (a test's beat). */
    static RunLease create(RunStore runs, RunStore.Run run, Duration every) {
        RunStore.Owner owner = newOwner();
        runs.createRun(run, owner);
        return new RunLease(runs, run.id(), owner, every);
    }

    /**
     * Takes the run over for this process, if no live process holds it (its last holder ended, died, or fell silent
     * for longer than the grace).
     *
     * @param expected the run's heartbeat the caller judged, with {@link #refuseIfRunning}, as no live holder's
     * @param doing    what the caller was about to do, for the refusal ("resume", ...)
     * @throws Nas.BadInputException when a live process holds it (or took it meanwhile); then nothing changed
     */
    static RunLease claim(RunStore runs, String runId, Optional<RunStore.Heartbeat> expected, String doing) {
        RunStore.Owner owner = newOwner();
        long lease = expected.map(h -> h.owner().lease()).orElse(0L);
        if (!runs.claim(runId, owner, lease)) {
            // another process took it between the caller's look and now: it is the live holder
            refuseIfRunning(runId, runs.heartbeat(runId), doing);
            throw new Nas.BadInputException("run '" + runId + "' was taken by another process just now: " + doing
                    + " it once that process has ended");
        }
        return new RunLease(runs, runId, owner, interval());
    }

    /** Refuses to {@code doing} ("resume", "delete") a run a live process holds, naming it: one line, exit 2. */
    static void refuseIfRunning(String runId, Optional<RunStore.Heartbeat> heartbeat, String doing) {
        if (heartbeat.isPresent() && RunLiveness.alive(heartbeat.get())) {
            RunStore.Heartbeat h = heartbeat.get();
            throw new Nas.BadInputException("run '" + runId + "' is running in " + h.owner().describe()
                    + " (last heartbeat " + ago(h.silentMillis()) + "): one process at a time writes a run; " + doing
                    + " it once that process has ended");
        }
    }

    /**
     * Why a {@link RunLiveness#STOPPED} run's process is taken as gone, for {@code nas run-status}: "pid 4242 on
     * host-a has ended", "no heartbeat from pid 4242 on host-a for 3m05s", or that none ever held it.
     */
    static String whyStopped(Optional<RunStore.Heartbeat> heartbeat) {
        if (heartbeat.isEmpty()) {
            return "no process holds it";
        }
        RunStore.Heartbeat h = heartbeat.get();
        if (!h.held()) {
            return h.owner().describe() + " gave it up, " + ago(h.silentMillis());
        }
        if (h.silentMillis() > grace().toMillis()) {
            return "no heartbeat from " + h.owner().describe() + " for " + RunCommand.duration(h.silentMillis() / 1e3);
        }
        return h.owner().describe() + " has ended (last heartbeat " + ago(h.silentMillis()) + ")";
    }

    /** "4s ago", "3m05s ago". */
    static String ago(long millis) {
        return RunCommand.duration(millis / 1e3) + " ago";
    }

    /**
     * How long a holder may be silent and still count as running the run; a bad {@value RunLiveness#GRACE_ENV}
     * exits 2.
     */
    static Duration grace() {
        try {
            return RunLiveness.grace();
        } catch (IllegalArgumentException e) {
            throw new Nas.BadInputException(e.getMessage(), e);
        }
    }

    /** The grace as messages say it: "60 s", "1.5 s". */
    static String graceText() {
        return java.math.BigDecimal.valueOf(grace().toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** How often a holder beats: a sixth of the grace (10 s by default). */
    static Duration interval() {
        return grace().dividedBy(6);
    }

    /** The run held. */
    String runId() {
        return runId;
    }

    /** The lease this process writes the run with. */
    RunStore.Owner owner() {
        return owner;
    }

    /** Refuses to go on once another process has taken the run over (one line, exit 1). */
    void check() {
        if (lost != null) {
            throw new Nas.FailureException(lost);
        }
    }

    /**
     * Whether another process holds the run now (asked of the store, e.g. after a write failed); then {@link #check}
     * throws.
     */
    boolean takenOver() {
        if (lost == null) {
            try {
                runs.heartbeat(runId).filter(h -> h.owner().lease() != owner.lease()).ifPresent(this::lose);
            } catch (RuntimeException storageDown) {
                return false;
            }
        }
        return lost != null;
    }

    private void beat() {
        try {
            if (!runs.beat(runId, owner)) {
                beats.cancel(false);
                lose(runs.heartbeat(runId).orElse(null));
            }
        } catch (RuntimeException e) {
            // the storage is unreachable for now (a server restarting): the next beat tries again
        }
    }

    /** @param now the run's heartbeat now; null when the run is gone */
    private void lose(RunStore.Heartbeat now) {
        lost = "run '" + runId + "' was " + (now == null ? "deleted" : "taken over" + (now.held() ? " by "
                + now.owner().describe() : "")) + " while this process (" + owner.describe() + ") sent no heartbeat "
                + "for a while: it stops, writing no more of the run";
    }

    /** Stops beating and gives the run up (unless another process took it over). */
    @Override
    public void close() {
        beats.cancel(false);
        if (lost == null) {
            try {
                runs.release(runId, owner);
            } catch (RuntimeException e) {
                // the storage failed: the lease lapses with the grace instead
            }
        }
    }

    private static RunStore.Owner newOwner() {
        long lease;
        do {
            lease = LEASES.nextLong();
        } while (lease == 0);
        return new RunStore.Owner(RunLiveness.WHERE, ProcessHandle.current().pid(), lease);
    }
}
