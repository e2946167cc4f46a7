package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command line naming a subcommand gets that subcommand alone, and it behaves as in the full command line. */
class OneSubcommandTest {

    private static String run(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(out, true));
        int code = cmd.execute(args);
        return code + "\n" + out;
    }

    /** Every subcommand's name, and its nested subcommands' paths. */
    private static List<String[]> paths(CommandLine c, List<String> prefix) {
        List<String[]> all = new ArrayList<>();
        for (var e : c.getSubcommands().entrySet()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            all.add(path.toArray(String[]::new));
            all.addAll(paths(e.getValue(), path));
        }
        return all;
    }

    @Test
    void namingASubcommandRegistersItAlone() {
        assertThat(Nas.commandLine("best", "--study", "x").getSubcommands()).containsOnlyKeys("best");
        assertThat(Nas.commandLine("benchmark", "storage").getSubcommands()).containsOnlyKeys("benchmark");
        assertThat(Nas.commandLine("benchmark").getSubcommands().get("benchmark").getSubcommands())
                .containsKeys("evolve", "sim", "storage");
        int all = NasCommand.SUBCOMMANDS.size();
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"--version"},
                new String[] {"help", "best"}, new String[] {"bset"}, new String[] {"--study", "best"})) {
            assertThat(Nas.commandLine(args).getSubcommands()).as(String.join(" ", args)).hasSize(all);
        }
    }

    @Test
    void everySubcommandHelpsAndRefusesAsInTheFullCommandLine() {
        List<String[]> paths = paths(Nas.commandLine(), List.of());
        assertThat(paths).hasSizeGreaterThan(NasCommand.SUBCOMMANDS.size());
        for (String[] path : paths) {
            for (String[] tail : List.of(new String[] {"--help"}, new String[] {"--no-such-option"},
                    new String[] {"--version"})) {
                String[] args = new String[path.length + tail.length];
                System.arraycopy(path, 0, args, 0, path.length);
                System.arraycopy(tail, 0, args, path.length, tail.length);
                String full = run(Nas.commandLine(), args);
                assertThat(run(Nas.commandLine(args), args)).as(String.join(" ", args)).isEqualTo(full)
                        .isNotBlank();
            }
        }
    }
}
