package nas.cli;

import nas.api.storage.Storage;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import nas.analysis.importance.FanovaImportance;
import nas.analysis.importance.ForestImportanceBuilder;
import nas.analysis.importance.ImportanceEvaluator;
import nas.analysis.importance.ImportanceFormat;
import nas.analysis.importance.ImportanceResult;
import nas.analysis.importance.MdiImportance;
import nas.analysis.importance.MorrisAnalysis;
import nas.analysis.importance.MorrisImportance;
import nas.analysis.importance.PedAnovaImportance;
import nas.analysis.importance.Targets;
import nas.api.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nas importance}: which parameters matter. fANOVA (default) and mean decrease in impurity rank
 * the parameters of any study's completed trials with a Smile random forest; Morris needs a study run by
 * {@code nas screen} and prints μ*, its interval, μ and σ.
 */
@Command(name = "importance", sortOptions = false,
        description = "Rank the parameters of a study by importance (fANOVA, mean decrease in impurity, PED-ANOVA "
                + "or Morris).",
        footer = {"", "Examples:",
            "  nas importance --study exp-001",
            "  nas importance --study exp-001 --evaluator mdi --top 10 --format csv",
            "  nas importance --study exp-001 --evaluator ped-anova --top-quantile 0.2",
            "  nas importance --study exp-screen --evaluator morris",
            "  nas importance --study mo --objective-index 1 --pairs --format json"})
public final class ImportanceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "Study to analyse.")
    String study;

    @Mixin
    StorageOptions storage;

    @Option(names = "--evaluator", paramLabel = "NAME", defaultValue = "fanova",
            description = "fanova, mdi, ped-anova or morris (default fanova).")
    String evaluator;

    @Option(names = "--objective-index", paramLabel = "K", defaultValue = "0",
            description = "Which objective value to explain, from 0 (default 0).")
    int objectiveIndex;

    @Option(names = "--top", paramLabel = "N", defaultValue = "0", description = "Show only the N most important (default 0: all).")
    int top;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (default table).")
    OutputFormat format;

    @Option(names = "--params", split = ",", paramLabel = "NAME",
            description = "Rank only these parameters (comma-separated; fanova and mdi).")
    List<String> params;

    @Option(names = "--top-quantile", paramLabel = "Q", defaultValue = "0.1",
            description = "ped-anova: the share of best trials whose parameter distribution is compared with all "
                    + "trials' (default 0.1).")
    double topQuantile;

    @Option(names = "--pairs", description = "Also compute pairwise interactions (fanova).")
    boolean pairs;

    @Option(names = "--trees", paramLabel = "N", defaultValue = "64", description = "Trees in the forest (default 64, at most 10000).")
    int trees;

    @Option(names = "--max-depth", paramLabel = "N", defaultValue = "64", description = "Maximum tree depth (default 64).")
    int maxDepth;

    @Option(names = "--min-samples", paramLabel = "N", defaultValue = "3",
            description = "Nodes with fewer trials are not split (default 3).")
    int minSamples;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the forest or of Morris's bootstrap (default 0).")
    long seed;

    @Override
    public Integer call() {
        if (top < 0) {
            throw new Nas.BadInputException("--top must be >= 0, but got " + top);
        }
        if (objectiveIndex < 0) {
            throw new Nas.BadInputException("--objective-index must be >= 0, but got " + objectiveIndex);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Storage store = storage.openForReading()) {
            Study s = StudyLoader.load(store, study, storage.shownName());
            if (objectiveIndex >= s.directions().size()) {
                throw new Nas.BadInputException("study '" + study + "' has " + s.directions().size()
                        + " objective(s); --objective-index must be below that, but got " + objectiveIndex);
            }
            switch (evaluator) {
                case "morris": {
                    if (params != null || pairs) {
                        throw new Nas.BadInputException("--params and --pairs belong to fanova and mdi, not morris");
                    }
                    MorrisImportance.Report report = new MorrisImportance(Targets.objective(objectiveIndex),
                            new MorrisAnalysis.Options(1000, 0.95, seed)).evaluate(s);
                    out.print(switch (format) {
                        case TABLE -> ImportanceFormat.morrisTable(report, top);
                        case CSV -> ImportanceFormat.morrisCsv(report, top);
                        case JSON -> ImportanceFormat.morrisJson(report, top) + System.lineSeparator();
                    });
                    break;
                }
                case "ped-anova": {
                    if (pairs) {
                        throw new Nas.BadInputException("--pairs belongs to fanova, not ped-anova");
                    }
                    if (!(topQuantile > 0 && topQuantile < 1)) {
                        throw new Nas.BadInputException("--top-quantile must lie in (0, 1), but got " + topQuantile);
                    }
                    PedAnovaImportance e = PedAnovaImportance.defaults().withTopQuantile(topQuantile)
                            .withObjective(objectiveIndex)
                            .withParameters(params == null ? java.util.Set.of() : new LinkedHashSet<>(params));
                    print(out, e.evaluate(s));
                    break;
                }
                case "fanova":
                case "mdi": {
                    ImportanceEvaluator e;
                    try {
                        e = evaluator.equals("fanova") ? configure(FanovaImportance.builder().pairs(pairs), s).build()
                                : configure(MdiImportance.builder(), s).build();
                    } catch (IllegalArgumentException bad) {
                        // the forest's own checks name its Java parameters: "maxDepth must be at least 2"
                        throw new Nas.BadInputException(Nas.inFlagWords(bad.getMessage(), "", ImportanceCommand.class),
                                bad);
                    }
                    print(out, e.evaluate(s));
                    break;
                }
                default:
                    throw new Nas.BadInputException("unknown evaluator '" + evaluator
                            + "'; known: fanova, mdi, ped-anova, morris");
            }
        }
        out.flush();
        return Nas.OK;
    }

    private void print(PrintWriter out, ImportanceResult r) {
        out.print(switch (format) {
            case TABLE -> ImportanceFormat.table(r, top);
            case CSV -> ImportanceFormat.csv(r, top);
            case JSON -> ImportanceFormat.json(r, top) + System.lineSeparator();
        });
    }

    private <B extends ForestImportanceBuilder<B>> B configure(B options, Study s) {
        options.trees(trees).maxDepth(maxDepth).minSamples(minSamples).seed(seed)
                .target(objectiveLabel(s), Targets.objective(objectiveIndex));
        if (params != null) {
            options.parameters(new LinkedHashSet<>(params));
        }
        return options;
    }

    private String objectiveLabel(Study s) {
        return s.directions().size() == 1 ? "the objective" : "objective " + objectiveIndex;
    }
}
