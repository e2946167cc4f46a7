package nas.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nas.api.export.Csv;
import nas.api.json.Json;
import nas.ga.AdamBaseline;
import nas.ga.Crossover;
import nas.ga.GaSettings;
import nas.ga.GenerationRecord;
import nas.ga.GeneticAlgorithm;
import nas.ga.MemorizationTask;
import nas.ga.MutationScheme;
import nas.ga.NoiseTable;
import nas.ga.Operators;
import nas.ga.Seeds;
import nas.ga.Supervised;
import nas.ga.TaskSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nas ga}: one run of the neuroevolution GA (or of the Adam baseline) on the memorisation or the
 * regression task, with a progress line on stderr and the generations as a table, CSV or JSON.
 */
@Command(name = "ga", sortOptions = false,
        description = "Run the neuroevolution GA (or the Adam baseline) on the memorisation or regression task.",
        footer = {"", "Examples:",
            "  nas ga --task memorize --points 64 --parents 8 --children 32 \\",
            "      --sigma 0.05 --generations 200",
            "  nas ga --task memorize --scheme self-adaptive --evaluations 10000 --format csv",
            "  nas ga --task memorize --optimizer adam --epochs 100"})
public final class GaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--task", paramLabel = "TASK", defaultValue = "memorize",
            description = "memorize (random labels) or regression (sin(pi x0) cos(pi x1)). Default: ${DEFAULT-VALUE}.")
    String task;

    @Option(names = "--points", paramLabel = "N", defaultValue = "64", description = "Data points (at most 1000000). Default: ${DEFAULT-VALUE}.")
    int points;

    @Option(names = "--inputs", paramLabel = "N", defaultValue = "32",
            description = "Random inputs per point (memorize; points x inputs at most 100000000). "
                    + "Default: ${DEFAULT-VALUE}.")
    int inputs;

    @Option(names = "--hidden", paramLabel = "W[,W...]", defaultValue = "64",
            description = "Hidden layer widths (the network has at most 10000000 parameters). "
                    + "Default: ${DEFAULT-VALUE}.")
    String hidden;

    @Option(names = "--fitness", paramLabel = "KIND", defaultValue = "cross-entropy",
            description = "What selection sees: cross-entropy or accuracy (no-grad). Default: ${DEFAULT-VALUE}.")
    String fitness;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "ga",
            description = "ga, or adam for the gradient baseline on the same network and data. Default: ${DEFAULT-VALUE}.")
    String optimizer;

    @Option(names = {"-P", "--parents"}, paramLabel = "P", defaultValue = "8", description = "Parents. Default: ${DEFAULT-VALUE}.")
    int parents;

    @Option(names = {"-C", "--children"}, paramLabel = "C", defaultValue = "32",
            description = "Children per generation (at most 100000). Default: ${DEFAULT-VALUE}.")
    int children;

    @Option(names = "--sigma", paramLabel = "S", defaultValue = "0.05", description = "Mutation step. Default: ${DEFAULT-VALUE}.")
    double sigma;

    @Option(names = "--scheme", paramLabel = "NAME", defaultValue = "fixed",
            description = "fixed, self-adaptive or norm-preserving. Default: ${DEFAULT-VALUE}.")
    String scheme;

    @Option(names = "--tau", paramLabel = "T", defaultValue = "0.1",
            description = "Step of the self-adaptive log-rates. Default: ${DEFAULT-VALUE}.")
    double tau;

    @Option(names = "--momentum", paramLabel = "B", defaultValue = "0",
            description = "Momentum of mutations in [0, 1). Default: ${DEFAULT-VALUE}.")
    double momentum;

    @Option(names = "--crossover", paramLabel = "KIND", defaultValue = "none",
            description = "none, tensor or unit. Default: ${DEFAULT-VALUE}.")
    String crossover;

    @Option(names = "--layers", paramLabel = "WHICH", defaultValue = "all",
            description = "Mutate all layers or one per child. Default: ${DEFAULT-VALUE}.")
    String layers;

    @Option(names = {"-g", "--generations"}, paramLabel = "N", description = "Generations. Default: 100.")
    Integer generations;

    @Option(names = "--evaluations", paramLabel = "N",
            description = "Evaluation budget instead of --generations (C in the first generation, C + 1 after).")
    Long evaluations;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "100", description = "Adam: epochs. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--lr", paramLabel = "R", defaultValue = "0.01", description = "Adam: learning rate. Default: ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "32", description = "Adam: batch size. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Threads (at most 1024). Default: all cores.")
    Integer threads;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Run seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--data-seed", paramLabel = "N", defaultValue = "1", description = "Dataset seed. Default: ${DEFAULT-VALUE}.")
    long dataSeed;

    @Option(names = "--every", paramLabel = "N",
            description = "Table: one row every N generations (and the last). Default: about 20 rows.")
    Integer every;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (CSV and JSON list every generation). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Override
    public Integer call() {
        TaskSpec taskSpec = new TaskSpec(task, points, inputs, TaskSpec.parseHidden(hidden), 10,
                MemorizationTask.Fitness.parse(fitness), dataSeed);
        Supervised problem = taskSpec.build();
        boolean adam = switch (optimizer.trim().toLowerCase(Locale.ROOT)) {
            case "ga" -> false;
            case "adam" -> true;
            default -> throw new Nas.BadInputException("--optimizer must be ga or adam, got '" + optimizer + "'");
        };
        int n = Nas.threads(threads);
        if (n < 1 || (every != null && every < 1)) {
            throw new Nas.BadInputException("--threads and --every must be >= 1");
        }
        Nas.requireAtMost("--children", children, nas.api.Limits.MAX_POPULATION);
        PrintWriter err = spec.commandLine().getErr();
        return adam ? runAdam(problem, taskSpec, err) : runGa(problem, taskSpec, n, err);
    }

    private int runGa(Supervised problem, TaskSpec taskSpec, int n, PrintWriter err) {
        GaSettings settings = new GaSettings(parents, children, sigma, MutationScheme.parse(scheme), tau, momentum,
                Crossover.parse(crossover), switch (layers.trim()) {
                    case "all" -> false;
                    case "one" -> true;
                    default -> throw new Nas.BadInputException("--layers must be all or one, got '" + layers + "'");
                });
        if (generations != null && evaluations != null) {
            throw new Nas.BadInputException("give --generations or --evaluations, not both");
        }
        int gens = evaluations != null ? settings.generationsFor(evaluations) : generations != null ? generations : 100;
        if (gens < 1) {
            throw new Nas.BadInputException("--generations must be >= 1, got " + gens);
        }
        err.printf(Locale.ROOT, "nas ga: %s (%d parameters), P %d, C %d, sigma %s, %s, %d generations, %d threads%n",
                taskSpec, problem.layout().size(), parents, children, TextTable.num(sigma), settings.scheme().key(),
                gens, n);
        Progress progress = new Progress(err, gens, problem instanceof MemorizationTask ? points : 0);
        List<GenerationRecord> history = new ArrayList<>();
        new GeneticAlgorithm(problem, settings, n, seed).run(gens, r -> {
            history.add(r);
            progress.update(r);
        });
        progress.finish();
        printGenerations(history, gens, problem);
        return Nas.OK;
    }

    private int runAdam(Supervised problem, TaskSpec taskSpec, PrintWriter err) {
        if (epochs < 1) {
            throw new Nas.BadInputException("--epochs must be >= 1, got " + epochs);
        }
        double[] params = Operators.initialWeights(problem.layout(),
                NoiseTable.forSlices(problem.layout().size(), Seeds.mix(seed, -1)), Seeds.mix(seed, 0, 0));
        err.printf(Locale.ROOT, "nas ga: %s (%d parameters), Adam lr %s, batch %d, %d epochs%n", taskSpec,
                problem.layout().size(), TextTable.num(lr), batch, epochs);
        List<AdamBaseline.Epoch> history = new AdamBaseline(problem, batch, lr).train(params, epochs, seed, e -> { });
        PrintWriter out = spec.commandLine().getOut();
        List<String> headers = List.of("epoch", "loss", "memorised");
        List<List<Object>> rows = new ArrayList<>();
        int step = rowStep(epochs);
        for (AdamBaseline.Epoch e : history) {
            if (format != OutputFormat.TABLE || e.epoch() % step == 0 || e.epoch() == epochs || e.epoch() == 1) {
                rows.add(List.of(e.epoch(), e.loss(), e.correct()));
            }
        }
        print(out, headers, rows);
        return Nas.OK;
    }

    private int rowStep(int total) {
        return every != null ? every : Math.max(1, total / 20);
    }

    private void printGenerations(List<GenerationRecord> history, int gens, Supervised problem) {
        PrintWriter out = spec.commandLine().getOut();
        List<String> headers = new ArrayList<>(List.of("generation", "evaluations", "best_fitness", "mean_fitness",
                "best_loss", "memorised", "interference", "rate_mean", "rate_var"));
        problem.layout().tensors().forEach(t -> headers.add("norm_" + t.name()));
        List<List<Object>> rows = new ArrayList<>();
        int step = rowStep(gens);
        for (GenerationRecord r : history) {
            if (format == OutputFormat.TABLE && r.generation() % step != 0 && r.generation() != gens - 1) {
                continue;
            }
            List<Object> row = new ArrayList<>(List.of(r.generation(), r.evaluations(), r.bestFitness(),
                    r.meanFitness(), r.bestLoss()));
            row.add(problem instanceof MemorizationTask ? r.bestCorrect() : null); // regression classifies nothing
            row.addAll(List.of(r.interference(), r.rateMean(), r.rateVariance()));
            for (double norm : r.tensorNorms()) {
                row.add(norm);
            }
            rows.add(row);
        }
        print(out, headers, rows);
    }

    /** Prints rows; undefined numbers (NaN: no interference yet, no rates) print as empty cells, JSON null. */
    private void print(PrintWriter out, List<String> headers, List<List<Object>> rawRows) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> r : rawRows) {
            List<Object> row = new ArrayList<>();
            r.forEach(v -> row.add(v instanceof Double d && !Double.isFinite(d) ? null : v));
            rows.add(row);
        }
        switch (format) {
            case CSV -> {
                Csv.row(out, headers);
                rows.forEach(r -> Csv.row(out, r));
            }
            case JSON -> {
                List<Map<String, Object>> records = new ArrayList<>();
                for (List<Object> r : rows) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i < headers.size(); i++) {
                        m.put(headers.get(i), r.get(i));
                    }
                    records.add(m);
                }
                out.println(Json.write(records));
            }
            default -> {
                TextTable table = new TextTable(headers);
                rows.forEach(r -> table.row(r.stream().map(TextTable::cell).toList()));
                table.print(out);
            }
        }
        out.flush();
    }

    /** Generations done, best loss and points memorised, children per second and time left, on stderr. */
    private static final class Progress {
        private final PrintWriter err;
        private final int generations;
        private final int points;
        private final boolean terminal = System.console() != null;
        private final long start = System.nanoTime();
        private long lastPrint = start;
        private GenerationRecord last;

        Progress(PrintWriter err, int generations, int points) {
            this.err = err;
            this.generations = generations;
            this.points = points;
        }

        void update(GenerationRecord r) {
            last = r;
            long now = System.nanoTime();
            if (now - lastPrint >= (terminal ? 200_000_000L : 5_000_000_000L)) {
                lastPrint = now;
                print(now, false);
            }
        }

        void finish() {
            print(System.nanoTime(), true);
        }

        private void print(long now, boolean done) {
            double seconds = Math.max(1e-9, (now - start) / 1e9);
            int g = last.generation() + 1;
            // numbered from 0 like the generation column of the table, csv and json; the count done apart
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "[ga] generation %d | %d/%d done | best loss %s",
                    last.generation(), g, generations, TextTable.num(last.bestLoss())));
            if (points > 0) {
                b.append(String.format(Locale.ROOT, " | memorised %d/%d", last.bestCorrect(), points));
            }
            b.append(String.format(Locale.ROOT, " | %.0f evaluations/s", last.evaluations() / seconds));
            b.append(" | ").append(done ? SearchProgress.duration(seconds)
                    : "ETA " + SearchProgress.duration(seconds / g * (generations - g)));
            if (terminal) {
                err.print("\r" + b + "\033[K" + (done ? "\n" : ""));
            } else {
                err.println(b);
            }
            err.flush();
        }
    }
}
