package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import org.junit.jupiter.api.Test;

class HelpTextTest {

    /** Every command, nested ones included. */
    private static List<CommandLine> commands(CommandLine root) {
        List<CommandLine> all = new ArrayList<>(List.of(root));
        for (CommandLine sub : root.getSubcommands().values()) {
            all.addAll(commands(sub));
        }
        return all;
    }

    @Test
    void everyOptionOfEveryCommandIsDescribed() {
        List<String> undescribed = new ArrayList<>();
        for (CommandLine c : commands(Nas.commandLine())) {
            for (OptionSpec o : c.getCommandSpec().options()) {
                if (o.description().length == 0 || String.join("", o.description()).isBlank()) {
                    undescribed.add(c.getCommandSpec().qualifiedName() + " " + o.longestName());
                }
            }
        }
        assertThat(undescribed).isEmpty();
    }

    /**
     * Paths and file names in help are never cut: picocli's line breaking also breaks after a dot, which turned
     * "./nas-studies" into ". /nas-studies" and "NAME.nas-server" into "NAME." and "nas-server" on the next line.
     * Every word of a description with a dot inside must reach the help whole.
     */
    @Test
    void pathsInHelpAreNeverCut() {
        List<String> split = new ArrayList<>();
        for (CommandLine c : commands(Nas.commandLine())) {
            java.util.Set<String> shown = new java.util.HashSet<>(List.of(c.getUsageMessage().split("\\s+")));
            List<String> texts = new ArrayList<>(List.of(c.getCommandSpec().usageMessage().description()));
            for (OptionSpec o : c.getCommandSpec().options()) {
                if (!o.hidden()) {
                    texts.addAll(List.of(o.description()));
                }
            }
            for (String text : texts) {
                for (String word : text.split("\\s+")) {
                    // words with a dot inside: paths and file names, which a reader copies
                    if (word.matches(".*\\.[\\w/].*") && !word.contains("${") && !shown.contains(word)) {
                        split.add(c.getCommandSpec().qualifiedName() + ": " + word);
                    }
                }
            }
        }
        assertThat(split).isEmpty();
    }

    /** An option's value has a name of ours (N, FILE, URL), not picocli's default, the Java field ({@code <trials>}). */
    @Test
    void everyOptionValueHasAParamLabel() {
        List<String> unnamed = new ArrayList<>();
        for (CommandLine c : commands(Nas.commandLine())) {
            for (OptionSpec o : c.getCommandSpec().options()) {
                if (o.arity().max() > 0 && !o.hidden() && o.paramLabel().startsWith("<")) {
                    unnamed.add(c.getCommandSpec().qualifiedName() + " " + o.longestName() + "=" + o.paramLabel());
                }
            }
        }
        assertThat(unnamed).isEmpty();
    }

    @Test
    void helpExamplesFitAnEightyColumnTerminal() {
        List<String> wide = new ArrayList<>();
        for (CommandLine c : commands(Nas.commandLine())) {
            for (String line : c.getCommandSpec().usageMessage().footer()) {
                if (line.length() > 80) {
                    wide.add(c.getCommandSpec().qualifiedName() + ": " + line);
                }
            }
        }
        assertThat(wide).isEmpty();
    }

    /** The command list of 'nas --help' shows a command's first description line alone: it must be a whole sentence. */
    @Test
    void everyCommandsSummaryLineIsAWholeSentence() {
        List<String> cut = new ArrayList<>();
        for (CommandLine c : commands(Nas.commandLine())) {
            String[] description = c.getCommandSpec().usageMessage().description();
            if (c.getParent() != null && (description.length == 0 || !description[0].strip().endsWith("."))) {
                cut.add(c.getCommandSpec().qualifiedName() + ": " + String.join(" | ", description));
            }
        }
        assertThat(cut).isEmpty();
    }

    /** A usage line longer than a screenful hides the description and the options below it. */
    @Test
    void everyUsageSynopsisFitsTenLinesOfAnEightyColumnTerminal() {
        List<String> longOnes = new ArrayList<>();
        for (CommandLine c : commands(Nas.commandLine())) {
            if (c.getCommand() instanceof CommandLine.HelpCommand) {
                continue; // picocli's own, which starts with its description
            }
            c.setUsageHelpWidth(80);
            String usage = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
            // the synopsis: the first line and the indented lines continuing it
            List<String> lines = usage.lines().toList();
            List<String> synopsis = new ArrayList<>(List.of(lines.get(0)));
            lines.stream().skip(1).takeWhile(l -> l.startsWith(" ")).forEach(synopsis::add);
            if (synopsis.size() > 10 || !synopsis.get(0).startsWith("Usage: nas")
                    || synopsis.get(0).startsWith("Usage: Usage") || synopsis.stream().anyMatch(l -> l.length() > 80)) {
                longOnes.add(c.getCommandSpec().qualifiedName() + ": " + synopsis);
            }
        }
        assertThat(longOnes).isEmpty();
    }
}
