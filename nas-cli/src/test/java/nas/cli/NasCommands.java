package nas.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Several {@code nas} command lines run one after the other in one JVM, each as {@link Main} runs one: a test that
 * needs them in a process of another user (or another mount namespace) then pays for one JVM, not one per command.
 * As a program it takes the command lines separated by {@value #NEXT} and prints their results as one line of JSON.
 */
final class NasCommands {

    /** Separates two command lines among the program's arguments. */
    static final String NEXT = "::";

    /** Starts the line of results among whatever else the JVM prints. */
    private static final String PREFIX = "nas-commands: ";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one command line did. */
    record Ran(List<String> args, int exitCode, String out, String err) {
    }

    private NasCommands() {
    }

    public static void main(String[] args) throws Exception {
        List<List<String>> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String a : args) {
            if (a.equals(NEXT)) {
                commands.add(current);
                current = new ArrayList<>();
            } else {
                current.add(a);
            }
        }
        commands.add(current);
        System.out.println(PREFIX + JSON.writeValueAsString(run(commands)));
    }

    /** Runs the command lines in this process. */
    static List<Ran> run(List<List<String>> commands) {
        List<Ran> ran = new ArrayList<>();
        for (List<String> c : commands) {
            CliRunner.Result r = CliRunner.run(c.toArray(String[]::new));
            ran.add(new Ran(c, r.exitCode(), r.out(), r.err()));
        }
        return ran;
    }

    /** The program's arguments for {@code commands}. */
    static String[] arguments(List<List<String>> commands) {
        List<String> all = new ArrayList<>();
        for (List<String> c : commands) {
            if (!all.isEmpty()) {
                all.add(NEXT);
            }
            all.addAll(c);
        }
        return all.toArray(String[]::new);
    }

    /** The results the program printed (its output otherwise in the error, when there are none). */
    static List<Ran> parse(String printed) throws java.io.IOException {
        String line = printed.lines().filter(l -> l.startsWith(PREFIX)).findFirst()
                .orElseThrow(() -> new AssertionError("no results in: " + printed));
        return JSON.readValue(line.substring(PREFIX.length()), new TypeReference<List<Ran>>() { });
    }
}
