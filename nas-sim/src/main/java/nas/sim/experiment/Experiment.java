package nas.sim.experiment;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas.sim.config.LabConfig;
import nas.sim.evolution.Evolution;
import nas.sim.evolution.GenerationStats;
import nas.sim.evolution.PopulationEvaluator;
import nas.sim.evolution.RunResult;
import nas.sim.genome.GenomeJson;

/**
 * A named configuration evolved for several seeds, one after the other (the reference's {@code nas run}),
 * with the results document (see {@link ResultsFile}) rewritten as it goes: config, per-seed curves of
 * [generation, best, average, median, worst], best genome with its re-simulation seed, and the aggregate mean
 * and standard deviation of the seeds' best-ever fitness.
 *
 * <p>The whole document is rewritten (atomically) whenever the generations added since the last write reach
 * 1/{@value #GROWTH} of those it holds, after each seed's last generation, at the end, and on
 * {@link #stopAndFlush()}.
 * Rewriting it after every generation cost bytes quadratic in the generations (a 2,000-generation run wrote 156 MB
 * for a 168 KB file); this way each generation costs at most about {@value #GROWTH} curve rows of writing, whatever
 * the run's length, and the file is never more than 1/{@value #GROWTH} of the run behind.
 */
public final class Experiment {

    /** Progress of one generation of one seed; {@code last} is true for the seed's final generation. */
    @FunctionalInterface
    public interface Progress {
        void onGeneration(int seedIndex, int seedCount, long seed, GenerationStats stats, boolean last);
    }

    /**
     * The outcome.
     *
     * @param finals  best-ever fitness of each seed
     * @param mean    their mean
     * @param std     their population standard deviation (ddof 0, as numpy's default)
     * @param seconds total wall time
     */
    public record Summary(String configName, List<Double> finals, double mean, double std, double seconds,
            Path resultsFile) {
    }

    /** The document is rewritten once it has grown by 1/GROWTH of its generations (every one of the first GROWTH). */
    static final int GROWTH = 50;

    private final String configName;
    private final LabConfig config;
    /** The document being built and where it goes; guarded by this, as {@link #stopAndFlush()} runs on any thread. */
    private Map<String, Object> doc;
    private Path docFile;
    /** Generations in the document, and in it when it was last written. */
    private long rows;
    private long rowsWritten;
    private long writes;
    /** Set by {@link #stopAndFlush()}: the process is ending. */
    private boolean stopped;
    /** Set by {@link #stopAndFlush()} once it wrote the file: no generation is added after that. */
    private boolean flushed;
    /** A generation is being stored ({@code --store-runs}); a stop waits for it (see {@link #STORE_WAIT_MILLIS}). */
    private boolean storing;
    /** How long {@link #stopAndFlush()} waits for a generation being stored to be stored. */
    static final long STORE_WAIT_MILLIS = 10_000;
    private final int generations;
    private final long[] seeds;

    public Experiment(String configName, LabConfig config, int generations, long[] seeds) {
        if (generations < 1) {
            throw new IllegalArgumentException("generations must be >= 1, got " + generations);
        }
        if (seeds.length == 0) {
            throw new IllegalArgumentException("at least one seed is needed");
        }
        this.configName = configName;
        this.config = config;
        this.generations = generations;
        this.seeds = seeds.clone();
    }

    /** {@code <dir>/<config>_<yyyyMMdd_HHmmss>.json}. */
    public static Path resultsPath(Path dir, String configName, LocalDateTime now) {
        return dir.resolve(configName + "_" + now.format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + ".json");
    }

    public Summary run(PopulationEvaluator evaluator, Path resultsFile, Progress progress) {
        return run(evaluator, resultsFile, progress, null);
    }

    /**
     * Runs every seed; with an {@code observer}, each run is also shown to it, named after the results file and
     * the seed ({@code <config>_<timestamp>-seed<S>}), and the results record that name as {@code stored_run}.
     */
    public Summary run(PopulationEvaluator evaluator, Path resultsFile, Progress progress,
            nas.sim.evolution.RunObserver observer) {
        long start = System.nanoTime();
        Map<String, Object> doc = new LinkedHashMap<>();
        synchronized (this) {
            this.doc = doc;
            this.docFile = resultsFile;
            this.rows = 0;
            this.rowsWritten = 0;
        }
        doc.put("config_name", configName);
        doc.put("status", "running");
        doc.put("generations", generations);
        doc.put("seeds", java.util.Arrays.stream(seeds).boxed().toList());
        doc.put("population_size", config.populationSize());
        doc.put("config", config.toMap());
        List<Map<String, Object>> runs = new ArrayList<>();
        doc.put("runs", runs);
        List<Double> finals = new ArrayList<>();
        GenomeJson json = GenomeJson.standard();
        for (int s = 0; s < seeds.length; s++) {
            Evolution evolution = new Evolution(config, evaluator, seeds[s], generations);
            Map<String, Object> run = new LinkedHashMap<>();
            List<List<Double>> curve = new ArrayList<>();
            run.put("seed", seeds[s]);
            run.put("curve_columns", List.of("generation", "best", "average", "median", "worst"));
            run.put("curve", curve);
            synchronized (this) {
                runs.add(run);
            }
            nas.sim.evolution.RunObserver.Watch watch = null;
            if (observer != null) {
                String file = resultsFile.getFileName().toString();
                watch = observer.start(file.replaceFirst("\\.json$", "") + "-seed" + seeds[s], config, seeds[s],
                        generations);
                run.put("stored_run", watch.id());
            }
            while (evolution.hasNext()) {
                GenerationStats g = evolution.next();
                synchronized (this) {
                    awaitEndIfStopped();
                    storing = watch != null;
                }
                boolean stored = false;
                try {
                    if (watch != null) {
                        watch.generation(evolution, g, evaluator);
                    }
                    stored = true;
                } finally {
                    synchronized (this) {
                        storing = false;
                        notifyAll();
                        // a generation stored is in the document too, also when a stop came while it was stored
                        // (stopAndFlush waits for it, then writes it), unless that stop gave up waiting
                        if (stored && !flushed) {
                            curve.add(List.of((double) g.generation(), g.best(), g.average(), g.median(), g.worst()));
                            run.put("best_fitness", g.bestEver());
                            doc.put("elapsed_seconds", (System.nanoTime() - start) / 1e9);
                            rows++;
                            // the seed's last generation is written with the seed's results below
                            if (!stopped && evolution.hasNext() && (rows - rowsWritten) * GROWTH >= rows) {
                                write();
                            }
                        }
                        awaitEndIfStopped();
                    }
                }
                if (progress != null) {
                    progress.onGeneration(s, seeds.length, seeds[s], g, !evolution.hasNext());
                }
            }
            RunResult r = evolution.result();
            finals.add(r.bestFitness());
            synchronized (this) {
                run.put("best_fitness", r.bestFitness());
                run.put("best_generation", r.bestGeneration());
                run.put("stopped_early", r.stoppedEarly());
                run.put("final_average", r.last().average());
                run.put("best_genome", json.toMap(r.bestGenome()));
                run.put("best_genome_pellet_seed", Long.toString(r.bestPelletSeed()));
                if (s + 1 < seeds.length) {
                    write();
                }
            }
        }
        double mean = finals.stream().mapToDouble(Double::doubleValue).average().orElse(0.0);
        double var = finals.stream().mapToDouble(f -> (f - mean) * (f - mean)).average().orElse(0.0);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> aggregate = new LinkedHashMap<>();
        aggregate.put("finals", finals);
        aggregate.put("mean", mean);
        aggregate.put("std", Math.sqrt(var));
        synchronized (this) {
            doc.put("aggregate", aggregate);
            doc.put("status", "complete");
            doc.put("elapsed_seconds", seconds);
            write();
        }
        return new Summary(configName, finals, mean, Math.sqrt(var), seconds, resultsFile);
    }

    /**
     * For a shutdown hook (Ctrl-C, SIGTERM): writes the document now if generations were added since it was last
     * written, and adds no more generations to it (nor reports them to the progress), so the file holds every
     * generation reported. The running evolution's thread then waits for the JVM to end. Safe from any thread.
     *
     * <p>With an observer ({@code --store-runs}), a generation being stored when the stop comes is waited for (up to
     * {@value #STORE_WAIT_MILLIS} ms) and written to the file too: the stored run and the file end at the same
     * generation. Only a store that takes longer than that leaves the stored run one generation ahead of the file.
     */
    public synchronized void stopAndFlush() {
        stopped = true;
        long deadline = System.nanoTime() + STORE_WAIT_MILLIS * 1_000_000L;
        try {
            for (long left = STORE_WAIT_MILLIS; storing && left > 0; left = (deadline - System.nanoTime()) / 1_000_000L) {
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (doc != null && rows > rowsWritten) {
            write();
        }
        flushed = true;
    }

    private void awaitEndIfStopped() {
        while (stopped) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the process ends", e);
            }
        }
    }

    /** How many times the document was written so far (all runs of this experiment). */
    public synchronized long writes() {
        return writes;
    }

    private void write() {
        ResultsFile.write(docFile, doc);
        rowsWritten = rows;
        writes++;
    }
}
