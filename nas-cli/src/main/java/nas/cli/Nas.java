package nas.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import nas.api.exception.NasException;
import nas.api.exception.StorageException;
import nas.api.exception.StorageFullException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Builds the {@code nas} command line with NAS's error handling and exit codes. */
public final class Nas {

    /** Success. */
    public static final int OK = 0;
    /** An unexpected failure (a bug or an environment problem). */
    public static final int FAILURE = 1;
    /** Bad input: unknown names, invalid values, missing studies. */
    public static final int BAD_INPUT = 2;

    private Nas() {
    }

    /** The command line with every subcommand, ready to {@code execute(args)}. */
    public static CommandLine commandLine() {
        return commandLine(NasCommand.SUBCOMMANDS);
    }

    /**
     * The command line for {@code args}: when they start with a subcommand's name, with that
     * subcommand alone (it parses and runs them exactly as the full one would, a third of a second
     * sooner); otherwise (help, version, a mistyped name) with every subcommand.
     */
    public static CommandLine commandLine(String... args) {
        if (args.length > 0) {
            for (Class<?> sub : NasCommand.SUBCOMMANDS) {
                Command c = sub.getAnnotation(Command.class);
                if (sub != CommandLine.HelpCommand.class && (c.name().equals(args[0])
                        || Arrays.asList(c.aliases()).contains(args[0]))) {
                    return commandLine(List.of(sub));
                }
            }
        }
        return commandLine();
    }

    private static CommandLine commandLine(List<Class<?>> subcommands) {
        if (System.getenv("NAS_DEBUG") == null) {
            // picocli's own warnings (e.g. about an unbalanced quote in an option value) come before NAS's
            // one-line message about the same problem, in picocli's words: users get NAS's line only
            CommandLine.tracer().setLevel(CommandLine.TraceLevel.OFF);
        }
        CommandLine cmd = new CommandLine(new NasCommand());
        for (Class<?> sub : subcommands) {
            cmd.addSubcommand(sub);
        }
        cmd.setExecutionExceptionHandler(Nas::handleExecutionException);
        cmd.setParameterExceptionHandler(Nas::handleParameterException);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        return cmd;
    }

    private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        if (e instanceof CommandLine.MissingParameterException) {
            // "--studdy x" makes --study missing; the typo is what the user needs to hear about
            List<String> unknown = unknownOptions(cmd, args);
            if (!unknown.isEmpty()) {
                e = new CommandLine.UnmatchedArgumentException(cmd, unknown);
            }
        }
        String message = enumValueMessage(e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException u && isMistypedSubcommand(u)) {
            String name = qualifiedName(cmd);
            message = "unknown command '" + (name.isEmpty() ? "" : name + " ") + u.getUnmatched().get(0) + "'";
        }
        err.println("nas: " + message);
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        String name = qualifiedName(cmd);
        err.println("Try 'nas " + (name.isEmpty() ? "" : name + " ") + "--help' for more information.");
        err.flush();
        return BAD_INPUT;
    }

    /**
     * The words of {@code args} after the command's own name that look like long options ({@code --name} or
     * {@code --name=value}) and are none of the command's.
     */
    private static List<String> unknownOptions(CommandLine cmd, String[] args) {
        String own = cmd.getCommandName();
        int start = Arrays.asList(args).indexOf(own) + 1;
        List<String> unknown = new java.util.ArrayList<>();
        for (int i = start; i < args.length && !args[i].equals("--"); i++) {
            String a = args[i];
            if (a.startsWith("--") && a.length() > 2) {
                int eq = a.indexOf('=');
                String flag = eq < 0 ? a : a.substring(0, eq);
                if (cmd.getCommandSpec().findOption(flag) == null
                        && !cmd.getCommandSpec().negatedOptionsMap().containsKey(flag)) {
                    unknown.add(flag);
                }
            }
        }
        return unknown;
    }

    /** A word where a command with subcommands and no positional parameters expects a subcommand's name. */
    private static boolean isMistypedSubcommand(CommandLine.UnmatchedArgumentException u) {
        CommandLine.Model.CommandSpec spec = u.getCommandLine().getCommandSpec();
        List<String> unmatched = u.getUnmatched();
        return !spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty() && !unmatched.isEmpty()
                && !unmatched.get(0).startsWith("-");
    }

    /** picocli's words (with "option" twice) for a map option's value without '=' ({@code -O dim}). */
    private static final java.util.regex.Pattern KEY_VALUE = java.util.regex.Pattern.compile(
            "Value for option option '([^']+)' \\(([^)]+)\\) should be in KEY=VALUE format but was (.*)");

    /** picocli's words for an unknown value of an option of a fixed set ({@code --format}). */
    private static final java.util.regex.Pattern ENUM_VALUE = java.util.regex.Pattern.compile(
            "Invalid value for option '([^']+)': expected one of \\[(.*)] \\(case-insensitive\\) but was '(.*)'");

    /**
     * picocli says "expected one of [TABLE, CSV, JSON] (case-insensitive) but was 'xml'"; the help and users
     * write the values in lower case, so the message does too, in NAS's words.
     */
    static String enumValueMessage(String message) {
        java.util.regex.Matcher kv = KEY_VALUE.matcher(message);
        if (kv.matches()) {
            return kv.group(1) + " takes " + kv.group(2) + ", but got '" + kv.group(3) + "'";
        }
        java.util.regex.Matcher m = ENUM_VALUE.matcher(message);
        if (!m.matches()) {
            return message;
        }
        return m.group(1) + " must be one of " + m.group(2).toLowerCase(java.util.Locale.ROOT) + ", but got '"
                + m.group(3) + "'";
    }

    private static String qualifiedName(CommandLine cmd) {
        String name = cmd.getCommandSpec().qualifiedName(" ");
        return name.startsWith("nas ") ? name.substring(4) : "";
    }

    /**
     * The longest time an option in seconds may give: about 31 years. Deadlines are kept in nanoseconds
     * ({@code System.nanoTime}), which a longer time (or Infinity) would overflow.
     */
    static final double MAX_SECONDS = 1e9;

    /**
     * Refuses a size above its limit ({@link nas.api.Limits}): "--jobs must be at most 1024, but got 100000".
     *
     * @return {@code value}
     */
    static int requireAtMost(String option, int value, int max) {
        try {
            return nas.api.Limits.requireAtMost(option, value, max);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    /** Refuses a count below its least: "--seeds must be >= 1, but got 0". */
    static void requireAtLeast(String option, int value, int least) {
        if (value < least) {
            throw new BadInputException(option + " must be >= " + least + ", but got " + value);
        }
    }

    /** {@code --threads} given, at most {@link nas.api.Limits#MAX_THREADS}, or one per core up to it. */
    static int threads(Integer given) {
        return given == null ? nas.api.Limits.defaultThreads()
                : requireAtMost("--threads", given, nas.api.Limits.MAX_THREADS);
    }

    /** Refuses a time in seconds beyond {@link #MAX_SECONDS} (an Infinity or a 1e999 too). */
    static void requireAtMostMaxSeconds(String option, double seconds) {
        if (seconds > MAX_SECONDS) {
            throw new BadInputException(option + " must be at most 1e9 seconds (about 31 years), but got " + seconds);
        }
    }

    /**
     * Refuses an unknown objective, or options it does not take, before a command opens its storage: no storage
     * server started and no database file created for a typo. Nothing is checked when {@code objective} is null, nor
     * the options when none are given (a resumed study's own are checked when they are used).
     */
    static void requireKnownObjective(String objective, java.util.Map<String, String> given) {
        if (objective != null) {
            nas.api.objective.ObjectivePlugin plugin = nas.api.objective.ObjectivePlugins.find(objective);
            if (!given.isEmpty()) {
                plugin.create(new nas.api.objective.ObjectiveOptions(given));
            }
        }
    }

    /**
     * Refuses a repeatable KEY=VALUE option that gives one key twice ({@code --param x=1 --param x=2}): one of
     * them would silently win.
     */
    static void requireDistinctKeys(CommandLine.Model.CommandSpec spec, String option) {
        CommandLine.Model.OptionSpec o = spec.findOption(option);
        if (o != null) {
            requireDistinctKeys(option, o.originalStringValues());
        }
    }

    /** As {@link #requireDistinctKeys(CommandLine.Model.CommandSpec, String)}, for the option's values. */
    static void requireDistinctKeys(String option, List<String> assignments) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (String assignment : assignments) {
            String key = assignment.split("=", 2)[0].trim();
            if (!keys.add(key)) {
                throw new BadInputException(option + " gives '" + key + "' twice; give each once");
            }
        }
    }

    /**
     * A library's refusal in the words of the command line: a message that starts with the name of a Java
     * parameter ("populationSize must be >= 2") starts with the flag that sets it ("--population-size must be
     * >= 2") when {@code prefix} and the parameter's name, in kebab case and without a leading count "n", make
     * one of the flags declared in {@code optionClasses}; other messages stay as they are.
     */
    static String inFlagWords(String message, String prefix, Class<?>... optionClasses) {
        java.util.Optional<nas.api.OptionWords.Named> named = nas.api.OptionWords.named(message);
        if (named.isEmpty()) {
            return message;
        }
        String flag = "--" + prefix + named.get().option();
        for (Class<?> c : optionClasses) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                CommandLine.Option o = f.getAnnotation(CommandLine.Option.class);
                if (o != null && List.of(o.names()).contains(flag)) {
                    return flag + named.get().rest();
                }
            }
        }
        return message;
    }

    /** How the message of a full disk begins ({@code nas.storage.Transactions}). */
    static final String DISK_FULL = "no space left on device";

    /**
     * Bad input (invalid arguments, unknown studies, duplicate names, unusable storage) → one line
     * and exit 2; anything else → one line and exit 1, with the stack trace only when
     * {@code NAS_DEBUG} is set.
     */
    private static int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        Throwable cause = e;
        if (isBadInput(cause)) {
            err.println("nas: " + message(cause));
            err.flush();
            return BAD_INPUT;
        }
        if (isDiskFull(cause) || cause instanceof FailureException) {
            // an environment failure with nothing more to show than its one line
            err.println("nas: " + message(cause));
            err.flush();
            return FAILURE;
        }
        err.println("nas: unexpected error: " + message(cause));
        if (System.getenv("NAS_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("(set NAS_DEBUG=1 for the stack trace)");
        }
        err.flush();
        return FAILURE;
    }

    /** A full disk under the storage (through a storage server it arrives as a StorageException with the same message). */
    static boolean isDiskFull(Throwable t) {
        return t instanceof StorageFullException || t instanceof StorageException
                && String.valueOf(t.getMessage()).startsWith(DISK_FULL);
    }

    static boolean isBadInput(Throwable t) {
        return t instanceof IllegalArgumentException || t instanceof CommandLine.ParameterException
                || t instanceof BadInputException
                || (t instanceof NasException && !(t instanceof StorageException))
                || t instanceof UnsupportedOperationException;
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.toString() : m.split("\\r?\\n")[0];
    }

    /** A failure a command explains in one line (exit code 1, no stack trace to offer). */
    public static final class FailureException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public FailureException(String message) {
            super(message);
        }
    }

    /** A user error found by a command (exit code 2). */
    public static final class BadInputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public BadInputException(String message) {
            super(message);
        }

        public BadInputException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
