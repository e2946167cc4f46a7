package nas.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The optimize loop: workers repeat ask → evaluate → tell until a budget is spent or the study stops. */
final class OptimizeLoop {

    private final Study study;
    private final MultiObjective objective;
    private final OptimizeOptions options;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final long deadlineNanos;

    OptimizeLoop(Study study, MultiObjective objective, OptimizeOptions options) {
        this.study = study;
        this.objective = objective;
        this.options = options;
        this.deadlineNanos = options.timeout() == null ? Long.MAX_VALUE
                : System.nanoTime() + options.timeout().toNanos();
    }

    void run() {
        if (options.nTrials() == 0 && options.timeout() == null && options.callbacks().isEmpty()) {
            throw new IllegalArgumentException("give nTrials > 0, a timeout, or a callback that stops the study");
        }
        study.clearStopRequest();
        if (options.jobs() == 1) {
            work();
        } else {
            List<Thread> workers = new ArrayList<>();
            for (int j = 0; j < options.jobs(); j++) {
                Thread t = new Thread(this::work, "nas-worker-" + study.name() + "-" + j);
                workers.add(t);
                t.start();
            }
            for (Thread t : workers) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    study.stop();
                }
            }
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }

    private void work() {
        while (claim()) {
            try {
                FrozenTrial done = study.runTrial(objective, options.endStudyOn(), options.effectiveSamplerLag());
                for (Callback c : options.callbacks()) {
                    c.afterTrial(study, done);
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
                study.stop();
                return;
            }
        }
    }

    private boolean claim() {
        if (study.consumeStopRequest() || failure.get() != null || System.nanoTime() > deadlineNanos) {
            return false;
        }
        if (options.nTrials() == 0) {
            return true;
        }
        return started.getAndIncrement() < options.nTrials();
    }
}
