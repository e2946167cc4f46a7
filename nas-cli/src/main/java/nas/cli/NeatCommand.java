package nas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import nas.api.export.Csv;
import nas.neat.NeatEvolution;
import nas.neat.NeatGenomeJson;
import nas.neat.NeatMutationParams;
import nas.neat.NeatSettings;
import nas.neat.SpeciesTargetController;
import nas.neat.data.Split;
import nas.neat.learn.BackpropSettings;
import nas.neat.learn.DecisionBoundary;
import nas.neat.learn.Inheritance;
import nas.neat.learn.NeatClassifier;
import nas.neat.learn.Optimizer;
import nas.neat.objective.NeatClassifyPlugin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nas neat}: one NEAT run with backpropagation on a classification task, progress per generation on
 * stderr, the best network written as JSON and, for two-feature data, its decision boundary as a PNG or SVG.
 */
@Command(name = "neat", sortOptions = false,
        description = "Evolve classifiers with NEAT, each network trained by backpropagation; writes the best "
                + "network (JSON) and its decision boundary (PNG or SVG).",
        footer = {"", "Examples:",
            "  nas neat --dataset spirals --generations 100",
            "  nas neat --dataset data.csv --label species --generations 50 \\",
            "      --output best.json --picture none"})
public final class NeatCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-d", "--dataset"}, paramLabel = "NAME|FILE", defaultValue = "spirals",
            description = "spirals, xor, circles, or a CSV file with a header row. Default: ${DEFAULT-VALUE}.")
    String dataset;

    @Option(names = "--label", paramLabel = "COLUMN", defaultValue = "label",
            description = "Label column of a CSV file (all others are numeric features). Default: ${DEFAULT-VALUE}.")
    String label;

    @Option(names = "--validation", paramLabel = "SHARE", defaultValue = "0.3",
            description = "Share of the rows held out for validation (CSV, circles). Default: ${DEFAULT-VALUE}.")
    double validation;

    @Option(names = {"-g", "--generations"}, paramLabel = "N", defaultValue = "100",
            description = "Generations (the run stops early at 100% validation accuracy). Default: ${DEFAULT-VALUE}.")
    int generations;

    @Option(names = {"-p", "--population-size"}, paramLabel = "N", defaultValue = "150",
            description = "Genomes per generation (at most 100000). Default: ${DEFAULT-VALUE}.")
    int population;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the data split and of every random choice. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "Threads evaluating genomes (the result does not depend on it; at most 1024). Default: all cores.")
    Integer threads;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "40",
            description = "Backpropagation steps per evaluation. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "5e-3",
            description = "Learning rate. Default: ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--l2", paramLabel = "COEF", defaultValue = "1e-4",
            description = "L2 weight decay. Default: ${DEFAULT-VALUE}.")
    double l2;

    @Option(names = "--optimizer", paramLabel = "adam|sgd", defaultValue = "adam",
            description = "Optimizer. Default: ${DEFAULT-VALUE}.")
    String optimizer;

    @Option(names = "--inheritance", paramLabel = "lamarckian|baldwinian", defaultValue = "lamarckian",
            description = "Whether offspring inherit the trained weights. Default: ${DEFAULT-VALUE}.")
    String inheritance;

    @Option(names = "--alpha-nodes", paramLabel = "A", defaultValue = "1e-3",
            description = "Fitness penalty per hidden neuron. Default: ${DEFAULT-VALUE}.")
    double alphaNodes;

    @Option(names = "--alpha-edges", paramLabel = "A", defaultValue = "5e-4",
            description = "Fitness penalty per enabled connection. Default: ${DEFAULT-VALUE}.")
    double alphaEdges;

    @Option(names = "--refine-top", paramLabel = "K", defaultValue = "5",
            description = "Best genomes of each generation refined with more steps. Default: ${DEFAULT-VALUE}.")
    int refineTop;

    @Option(names = "--refine-steps", paramLabel = "N", defaultValue = "300",
            description = "Steps of that second stage. Default: ${DEFAULT-VALUE}.")
    int refineSteps;

    @Option(names = "--add-node-rate", paramLabel = "P", description = "Add-node mutation probability. Default: 0.5.")
    Double addNodeRate;

    @Option(names = "--add-connection-rate", paramLabel = "P",
            description = "Add-connection mutation probability. Default: 0.8.")
    Double addConnectionRate;

    @Option(names = "--species-target-mode", paramLabel = "off|pid|hill|auto", defaultValue = "auto",
            description = "Steering of the compatibility threshold towards the species target. Default: ${DEFAULT-VALUE}.")
    String speciesTargetMode;

    @Option(names = "--species-target", paramLabel = "N", defaultValue = "8",
            description = "Desired number of species. Default: ${DEFAULT-VALUE}.")
    int speciesTarget;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "neat-best.json",
            description = "Where the best network goes (JSON). Default: ${DEFAULT-VALUE}.")
    Path output;

    @Option(names = "--picture", paramLabel = "FILE", defaultValue = "neat-boundary.png",
            description = "Decision-boundary picture, PNG or SVG by extension, 'none' for no picture (two-feature "
                    + "data only). Default: ${DEFAULT-VALUE}.")
    String picture;

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            description = "stdout: a summary table, or every generation as CSV or JSON. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = {"-q", "--quiet"}, description = "No per-generation progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        Nas.requireAtLeast("--generations", generations, 1);
        Nas.requireAtLeast("--population-size", population, 2);
        // --steps and --refine-steps lengthen every evaluation without bound: a long run that Ctrl-C ends at once
        Nas.requireAtLeast("--steps", steps, 0);
        Nas.requireAtLeast("--refine-top", refineTop, 0);
        Nas.requireAtLeast("--refine-steps", refineSteps, 0);
        int nThreads = Nas.threads(threads);
        if (nThreads < 1) {
            throw new Nas.BadInputException("--threads must be >= 1, got " + nThreads);
        }
        Nas.requireAtMost("--population-size", population, nas.api.Limits.MAX_POPULATION);
        String kind = picture.toLowerCase(java.util.Locale.ROOT);
        if (!kind.equals("none") && !kind.endsWith(".png") && !kind.endsWith(".svg")) {
            // any other name would get an SVG picture under it, after the whole run
            throw new Nas.BadInputException("--picture must end in .png or .svg (or be 'none'), but got '" + picture
                    + "'");
        }
        // the files are written after the whole run: one that cannot be is refused now, not then
        requireWritable("--output", output);
        if (!kind.equals("none")) {
            requireWritable("--picture", Path.of(picture));
        }
        Split data = NeatClassifyPlugin.load(dataset, label, validation, seed);
        boolean drawable = data.train().featureCount() == 2;
        NeatClassifier classifier = classifier();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (!quiet) {
            err.printf(Locale.ROOT, "nas neat: %s, %d training and %d validation rows, %d features, %d classes; "
                    + "population %d, %d threads%n", dataset, data.train().size(), data.validation().size(),
                    data.train().featureCount(), data.train().classCount(), population, nThreads);
            err.flush();
        }
        long start = System.nanoTime();
        long[] last = {start};
        NeatEvolution.Result r = classifier.run(data, generations, nThreads, seed, g -> {
            long now = System.nanoTime();
            if (!quiet) {
                // numbered from 0 like the csv/json generation column; the count done apart
                err.printf(Locale.ROOT, "gen %d | %d/%d done | accuracy %.3f (best ever %.3f) | fitness %.4f | species %d "
                        + "(threshold %.2f) | hidden %d, connections %d | %.2fs%n", g.generation(), g.generation() + 1,
                        generations,
                        g.bestScore(), g.bestEverScore(), g.bestFitness(), g.species(), g.threshold(),
                        g.best().hiddenCount(), g.best().enabledConnectionCount(), (now - last[0]) / 1e9);
                err.flush();
            }
            last[0] = now;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("dataset", dataset);
        network.put("validation_accuracy", r.bestScore());
        network.put("fitness", r.bestFitness());
        network.put("seed", seed);
        network.put("genome", NeatGenomeJson.toMap(r.best()));
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        json.writeValue(output.toFile(), network);
        Path pictureFile = null;
        if (!picture.equalsIgnoreCase("none")) {
            if (drawable) {
                pictureFile = Path.of(picture);
                DecisionBoundary.of(r.best(), data).write(pictureFile, 600);
            } else if (!quiet) {
                err.println("nas neat: no decision-boundary picture: the data has " + data.train().featureCount()
                        + " features, a picture needs 2");
            }
        }
        switch (format) {
            case TABLE -> {
                new TextTable(List.of("dataset", "validation_accuracy", "fitness", "hidden", "connections",
                        "generations", "seconds")).row(List.of(dataset, TextTable.num(r.bestScore()),
                        TextTable.num(r.bestFitness()), Integer.toString(r.best().hiddenCount()),
                        Integer.toString(r.best().enabledConnectionCount()), Integer.toString(r.history().size()),
                        String.format(Locale.ROOT, "%.1f", seconds))).print(out);
                out.println("Network: " + output + (pictureFile != null ? " | Picture: " + pictureFile : ""));
            }
            case CSV -> {
                Csv.row(out, List.of("generation", "accuracy", "best_ever_accuracy", "fitness", "mean_fitness",
                        "species", "threshold", "hidden", "connections", "evaluations"));
                for (NeatEvolution.Generation g : r.history()) {
                    Csv.row(out, List.of(g.generation(), g.bestScore(), g.bestEverScore(), g.bestFitness(),
                            g.meanFitness(), g.species(), g.threshold(), g.best().hiddenCount(),
                            g.best().enabledConnectionCount(), g.evaluations()));
                }
            }
            case JSON -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (NeatEvolution.Generation g : r.history()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("generation", g.generation());
                    m.put("accuracy", g.bestScore());
                    m.put("best_ever_accuracy", g.bestEverScore());
                    m.put("fitness", g.bestFitness());
                    m.put("mean_fitness", Double.isFinite(g.meanFitness()) ? g.meanFitness() : null);
                    m.put("species", g.species());
                    m.put("threshold", g.threshold());
                    m.put("hidden", g.best().hiddenCount());
                    m.put("connections", g.best().enabledConnectionCount());
                    m.put("evaluations", g.evaluations());
                    rows.add(m);
                }
                out.println(json.writeValueAsString(rows));
            }
            default -> throw new IllegalStateException("unknown format " + format);
        }
        out.flush();
        return Nas.OK;
    }

    private NeatClassifier classifier() {
        NeatSettings d = NeatSettings.classification();
        NeatMutationParams m = d.mutation();
        SpeciesTargetController.Params target = speciesTargetMode.equalsIgnoreCase("off") ? null
                : SpeciesTargetController.Params.defaults(speciesTarget,
                        SpeciesTargetController.Mode.parse(speciesTargetMode));
        NeatMutationParams mutation = new NeatMutationParams(addNodeRate != null ? addNodeRate : m.addNodeRate(),
                addConnectionRate != null ? addConnectionRate : m.addConnectionRate(), m.enableRate(), m.disableRate(),
                m.weightMagnitude(), m.maxHiddenNodes(), m.biasMutationRate(), m.biasMagnitude(), false);
        NeatSettings s = new NeatSettings(population, d.connectivity(), d.biasMode(), d.outputActivation(), mutation,
                d.weightMutationRate(), d.activationMutationRate(), d.activations(), d.crossoverRate(), d.distance(),
                d.compatibilityThreshold(), d.minSpeciesSize(), d.survivalRate(), target, d.stagnationLimit(), refineTop);
        BackpropSettings b = new BackpropSettings(steps, learningRate, l2, Optimizer.parse(optimizer),
                Inheritance.parse(inheritance), alphaNodes, alphaEdges);
        return new NeatClassifier(s, b, refineSteps);
    }

    /** Refuses a file that cannot be written: its directory cannot be made or written, or it is a directory. */
    private static void requireWritable(String option, Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new Nas.BadInputException("cannot write " + option + " " + file + ": " + nas.api.FileErrors.reason(e), e);
        }
        if (Files.isDirectory(file)) {
            throw new Nas.BadInputException("cannot write " + option + " " + file + ": it is a directory");
        }
        if (parent != null && !Files.isWritable(parent)) {
            throw new Nas.BadInputException("cannot write " + option + " " + file + ": directory " + parent
                    + " is not writable");
        }
    }
}
