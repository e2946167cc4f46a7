package nas.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nas benchmark}: groups the benchmark subcommands. */
@Command(name = "benchmark", description = "Throughput benchmarks.",
        subcommands = {BenchmarkSimCommand.class, BenchmarkStorageCommand.class, BenchmarkEvolveCommand.class})
public final class BenchmarkCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
