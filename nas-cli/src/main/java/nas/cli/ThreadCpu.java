package nas.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * This process's CPU time between two moments, split by the threads that spent it: workers of a pool of its own
 * (an evolution's evaluator), workers of the common pool (parallel streams), the other Java threads, and the rest
 * of the process (the JVM's compiler and garbage-collector threads, which are not Java threads, and Java threads
 * that ended in between).
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private enum Kind { POOL, COMMON_POOL, OTHER }

    private record Seen(Kind kind, long nanos) {
    }

    /** The process's CPU time and each live thread's at one moment. */
    record Snapshot(long process, Map<Long, Seen> threads) {
    }

    /**
     * CPU seconds between two snapshots.
     *
     * @param pool       workers of pools other than the common one
     * @param commonPool workers of the common pool
     * @param other      every other Java thread that lived at the second snapshot
     * @param jvm        the rest of the process: the JVM's own threads and Java threads that ended in between
     */
    record Split(double process, double pool, double commonPool, double other, double jvm) {
    }

    private ThreadCpu() {
    }

    /** The CPU time of the calling thread in nanoseconds, 0 where the JVM does not measure it. */
    static long thisThread() {
        return Math.max(0, THREADS.getCurrentThreadCpuTime());
    }

    /** The CPU time of this whole process in nanoseconds. */
    static long process() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static Snapshot now() {
        Map<Long, Seen> threads = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long nanos = THREADS.getThreadCpuTime(t.getId());
            if (nanos >= 0) {
                threads.put(t.getId(), new Seen(kind(t), nanos));
            }
        }
        return new Snapshot(process(), threads);
    }

    private static Kind kind(Thread t) {
        if (t instanceof ForkJoinWorkerThread w) {
            return w.getPool() == ForkJoinPool.commonPool() ? Kind.COMMON_POOL : Kind.POOL;
        }
        return Kind.OTHER;
    }

    /** What was spent from {@code before} to {@code after}; a thread born in between counts from 0. */
    static Split between(Snapshot before, Snapshot after) {
        long[] byKind = new long[Kind.values().length];
        after.threads().forEach((id, seen) -> {
            Seen then = before.threads().get(id);
            byKind[seen.kind().ordinal()] += seen.nanos() - (then == null ? 0 : then.nanos());
        });
        long process = after.process() - before.process();
        long threads = byKind[0] + byKind[1] + byKind[2];
        return new Split(process / 1e9, byKind[Kind.POOL.ordinal()] / 1e9, byKind[Kind.COMMON_POOL.ordinal()] / 1e9,
                byKind[Kind.OTHER.ordinal()] / 1e9, (process - threads) / 1e9);
    }
}
