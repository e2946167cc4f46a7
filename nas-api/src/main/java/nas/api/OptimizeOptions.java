package nas.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How {@link Study#optimize} runs: how many trials, for how long, on how many worker threads,
 * which callbacks, and which exceptions end the study instead of failing one trial.
 *
 * @param nTrials    trials to run in this call; 0 = no limit (then a timeout or a callback that
 *                   calls {@link Study#stop()} must end it)
 * @param timeout    no trial starts after this much time; null = none
 * @param jobs       worker threads (≥ 1)
 * @param callbacks  called after each finished trial
 * @param endStudyOn exception types that, after the trial is recorded as FAIL, end the study by
 *                   propagating out of {@code optimize}; every other {@link Exception} only fails its
 *                   trial. {@link Error}s always propagate.
 * @param samplerLag  {@link #AUTO_LAG} (the default): deterministic with lag {@code jobs} when there
 *                   are several jobs; 0: free-running (the sampler sees every trial as it stands,
 *                   running ones included, so with several jobs a run depends on timing); L ≥ 1:
 *                   deterministic — trial n waits until trials 0..n − L have finished and its
 *                   sampler sees only those, so the same seed gives the same study on every run
 *                   and for any number of jobs ≤ L (with objectives that are themselves
 *                   deterministic). Pruners still see every trial. The cost: a worker may wait for
 *                   a slow trial L places behind it.
 */
public record OptimizeOptions(int nTrials, Duration timeout, int jobs, List<Callback> callbacks,
        List<Class<? extends Throwable>> endStudyOn, int samplerLag) {

    /** {@link #samplerLag}: deterministic with the lag equal to the number of jobs. */
    public static final int AUTO_LAG = -1;

    /**
     * Validates the counts (trials and jobs) and copies the lists.
     *
     * @param nTrials the number of trials to run
     * @param timeout no trial starts after this much time (null: no limit)
     * @param jobs worker threads
     * @param callbacks called after each finished trial
     * @param endStudyOn exception types that end the study when an objective throws one
     * @param samplerLag how many trials a sampler may lag behind (see the class comment)
     */
    public OptimizeOptions {
        if (nTrials < 0) {
            throw new IllegalArgumentException("nTrials must be >= 0, but got " + nTrials);
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive, but got " + timeout);
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be >= 1, but got " + jobs);
        }
        Limits.requireAtMost("jobs", jobs, Limits.MAX_THREADS);
        if (samplerLag < AUTO_LAG) {
            throw new IllegalArgumentException("samplerLag must be >= 0 (or AUTO_LAG), but got " + samplerLag);
        }
        callbacks = callbacks == null ? List.of() : List.copyOf(callbacks);
        endStudyOn = endStudyOn == null ? List.of() : List.copyOf(endStudyOn);
    }

    /**
     * Options with the default, automatic sampler lag.
     *
     * @param nTrials the number of trials to run
     * @param timeout no trial starts after this much time (null: no limit)
     * @param jobs worker threads
     * @param callbacks called after each finished trial
     * @param endStudyOn exception types that end the study when an objective throws one
     */
    public OptimizeOptions(int nTrials, Duration timeout, int jobs, List<Callback> callbacks,
            List<Class<? extends Throwable>> endStudyOn) {
        this(nTrials, timeout, jobs, callbacks, endStudyOn, AUTO_LAG);
    }

    /**
     * The lag the optimize loop uses: {@link #samplerLag}, with {@link #AUTO_LAG} resolved (0 for one job).
     *
     * @return the lag the optimize loop uses
     */
    public int effectiveSamplerLag() {
        return samplerLag != AUTO_LAG ? samplerLag : jobs > 1 ? jobs : 0;
    }

    /**
     * Deterministic parallel runs on (lag = jobs, the default) or off (free-running).
     *
     * @param on deterministic (true) or free-running (false)
     * @return the same options, deterministic or free-running
     */
    public OptimizeOptions withDeterministic(boolean on) {
        return withSamplerLag(on ? AUTO_LAG : 0);
    }

    /**
     * Deterministic with this lag (≥ 1), free-running (0) or automatic ({@link #AUTO_LAG}); see {@link #samplerLag}.
     *
     * @param lag the sampler lag
     * @return the same options with this lag
     */
    public OptimizeOptions withSamplerLag(int lag) {
        return new OptimizeOptions(nTrials, timeout, jobs, callbacks, endStudyOn, lag);
    }

    /**
     * {@code n} trials on one thread.
     *
     * @param n the number of trials
     * @return {@code n} trials on one thread
     */
    public static OptimizeOptions trials(int n) {
        return new OptimizeOptions(n, null, 1, List.of(), List.of());
    }

    /**
     * The same options, starting no trial after {@code t}.
     *
     * @param t the time after which no trial starts
     * @return the same options, starting no trial after {@code t}
     */
    public OptimizeOptions withTimeout(Duration t) {
        return new OptimizeOptions(nTrials, t, jobs, callbacks, endStudyOn, samplerLag);
    }

    /**
     * The same options on {@code j} worker threads.
     *
     * @param j the number of worker threads
     * @return the same options on {@code j} worker threads
     */
    public OptimizeOptions withJobs(int j) {
        return new OptimizeOptions(nTrials, timeout, j, callbacks, endStudyOn, samplerLag);
    }

    /**
     * The same options with one more callback, called after each finished trial.
     *
     * @param c the callback
     * @return the same options with one more callback, called after each finished trial
     */
    public OptimizeOptions withCallback(Callback c) {
        List<Callback> all = new ArrayList<>(callbacks);
        all.add(Objects.requireNonNull(c, "callback"));
        return new OptimizeOptions(nTrials, timeout, jobs, all, endStudyOn, samplerLag);
    }

    /**
     * The same options; an objective throwing one of {@code types} ends the study (after its trial is stored).
     *
     * @param types exception types that end the study
     * @return the same options
     */
    @SafeVarargs
    public final OptimizeOptions withEndStudyOn(Class<? extends Throwable>... types) {
        return new OptimizeOptions(nTrials, timeout, jobs, callbacks, List.of(types), samplerLag);
    }
}
