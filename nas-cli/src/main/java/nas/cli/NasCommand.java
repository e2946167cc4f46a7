package nas.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code nas} command: lists the subcommands. */
@Command(name = "nas",
        mixinStandardHelpOptions = true,
        scope = picocli.CommandLine.ScopeType.INHERIT, // every subcommand takes --help (and --version)
        versionProvider = VersionProvider.class,
        description = "Hyperparameter optimization and architecture search for the JVM.%n"
                + "Studies live in an H2 file (./nas-studies.mv.db) unless --storage or NAS_STORAGE says otherwise.",
        subcommands = {
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
            picocli.CommandLine.HelpCommand.class
        })
public final class NasCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
