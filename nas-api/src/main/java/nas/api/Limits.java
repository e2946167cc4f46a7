package nas.api;

/**
 * The largest sizes NAS accepts, the same in the Java API and on the command line. Each is far above any
 * useful setting and far below what makes a step run for hours, exhaust the heap or the operating system's
 * threads: a size beyond one is refused when the settings are made, before anything is stored or run.
 */
public final class Limits {

    /**
     * Population sizes and candidate counts: what one step of a search or an evolution holds and evaluates at
     * once (NSGA-II, CMA-ES, NEAT, GA and Evolution Lab populations, GP and TPE candidates per trial). 100,000
     * TPE candidates take about 0.7 s of CPU a trial over 5 parameters; 100,000 Evolution Lab creatures about
     * 450 MB and minutes a generation.
     */
    public static final int MAX_POPULATION = 100_000;

    /** Threads, parallel jobs and pooled connections: 1,024 (each thread reserves a stack). */
    public static final int MAX_THREADS = 1_024;

    /** Points of a grid: 10,000,000 (its visiting order is one int each, 40 MB). */
    public static final int MAX_GRID_POINTS = 10_000_000;

    /**
     * Physics steps of one Evolution Lab creature ({@code simulation_duration / time_step}): 100,000, 111 times the
     * reference's 900 (30 s at 1/30 s), about 55 simulated minutes at that step and some 45 ms of CPU a creature. Beyond
     * it a generation runs for hours, and a step count past 2^31 would not even be counted right.
     */
    public static final int MAX_SIMULATION_STEPS = 100_000;

    /**
     * Seeds of one Evolution Lab experiment ({@code nas run --seeds}, the evolution-lab objective's {@code seeds} per
     * trial): 1,000, 200 times the reference's 5. Every seed is a whole run; {@code nas run}'s results file lists every
     * seed and keeps each finished one's curve and best genome (about 22 KB a seed of 100 generations), and is
     * rewritten after every generation: at 1,000 seeds that is some 22 MB a write. 2^31 - 1 seeds ran out of memory
     * before the first generation.
     */
    public static final int MAX_SEEDS = 1_000;

    private Limits() {
    }

    /**
     * Threads when none are asked for.
     *
     * @return one per available processor, at most {@link #MAX_THREADS}
     */
    public static int defaultThreads() {
        return Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS);
    }

    /**
     * Returns {@code value} if it is at most {@code max}.
     *
     * @param name  how the value is called in the message
     * @param value the value asked for
     * @param max   the largest value accepted
     * @return {@code value}
     * @throws IllegalArgumentException "NAME must be at most MAX, but got VALUE"
     */
    public static int requireAtMost(String name, int value, int max) {
        if (value > max) {
            throw new IllegalArgumentException(name + " must be at most " + max + ", but got " + value);
        }
        return value;
    }
}
