package nas.api.objective.external;

import java.util.concurrent.atomic.AtomicBoolean;

/** Stops a process that runs longer than allowed. */
final class ProcessTimeout {

    private final Thread thread;
    private final AtomicBoolean fired = new AtomicBoolean();

    private ProcessTimeout(Process process, double seconds) {
        this.thread = new Thread(() -> {
            try {
                if (!process.waitFor((long) (seconds * 1000), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    fired.set(true);
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "nas-external-timeout");
        thread.setDaemon(true);
    }

    static ProcessTimeout start(Process process, double seconds) {
        ProcessTimeout t = new ProcessTimeout(process, seconds);
        t.thread.start();
        return t;
    }

    void cancel() {
        thread.interrupt();
    }

    boolean fired() {
        return fired.get();
    }
}
