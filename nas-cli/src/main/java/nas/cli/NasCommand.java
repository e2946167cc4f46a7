package nas.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code nas} command: lists the subcommands. */
@Command(name = "nas",
        mixinStandardHelpOptions = true,
        scope = picocli.CommandLine.ScopeType.INHERIT, // every subcommand takes --help (and --version)
        versionProvider = VersionProvider.class,
        // the subcommands are SUBCOMMANDS below, added by Nas.commandLine
        description = "Hyperparameter optimization and architecture search for the JVM.%n"
                + "Studies live in an H2 file (./nas-studies.mv.db) unless --storage or NAS_STORAGE says otherwise.")
public final class NasCommand implements Runnable {

    /**
     * The subcommands, in the order {@code nas --help} lists them. Picocli reads every option of a
     * command it is given (about a third of a second for all of them), so a command line that names
     * one of them gets only that one ({@link Nas#commandLine(String...)}).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            SearchCommand.class,
            TrialsCommand.class,
            BestCommand.class,
            PilotSummaryCommand.class,
            ParetoCommand.class,
            ImportanceCommand.class,
            DashboardCommand.class,
            ReportCommand.class,
            ScreenCommand.class,
            StudiesCommand.class,
            CreateStudyCommand.class,
            DeleteStudyCommand.class,
            CopyStudyCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            AskCommand.class,
            TellCommand.class,
            ServerCommand.class,
            CompactCommand.class,
            ObjectivesCommand.class,
            ConfigsCommand.class,
            RunCommand.class,
            EvolveCommand.class,
            RunsCommand.class,
            RunStatusCommand.class,
            ReplayCommand.class,
            NeatCommand.class,
            CompareCommand.class,
            BenchmarkCommand.class,
            GaCommand.class,
            picocli.CommandLine.HelpCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
