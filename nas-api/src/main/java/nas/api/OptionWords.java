package nas.api;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A library's refusal in the words of the options a user gave. Samplers, pruners and importance evaluators check
 * their arguments in Java terms ("nStartupTrials must be >= 0, but got -1"); a user who gave options by name
 * ({@code startup-trials}, or {@code --tpe-startup-trials} on the command line) reads them under those names.
 */
public final class OptionWords {

    /** A message that starts with a Java parameter's name: "nStartupTrials must be >= 0, ...". */
    private static final Pattern JAVA_NAME = Pattern.compile("^(?:n(?=[A-Z]))?([a-zA-Z][a-zA-Z0-9]*)(?= must )");

    private OptionWords() {
    }

    /**
     * The option a message's leading Java name stands for, and the rest of the message.
     *
     * @param option the Java name in kebab case, without a leading count "n" ("nStartupTrials": "startup-trials")
     * @param rest   the message after the name (" must be >= 0, but got -1")
     */
    public record Named(String option, String rest) {
    }

    /**
     * The option {@code message} starts with, when it starts with a Java parameter's name followed by " must ".
     *
     * @param message a refusal's message (null reads as empty)
     * @return the option and the rest of the message, or empty
     */
    public static Optional<Named> named(String message) {
        Matcher m = JAVA_NAME.matcher(message == null ? "" : message);
        if (!m.find()) {
            return Optional.empty();
        }
        String option = m.group(1).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        return Optional.of(new Named(option, message.substring(m.end())));
    }

    /**
     * {@code e} in the words of the options given: "option 'startup-trials' of sampler 'tpe' must be >= 0, but got
     * -1" when its message starts with the Java name of one of the {@code known} options; else {@code e} itself.
     *
     * @param e     the refusal
     * @param kind  what was configured ("sampler", "pruner")
     * @param name  its name ("tpe")
     * @param known the options it takes, in kebab case
     * @return the refusal to throw
     */
    public static IllegalArgumentException inOptionWords(IllegalArgumentException e, String kind, String name,
            Set<String> known) {
        return named(e.getMessage()).filter(n -> known.contains(n.option()))
                .map(n -> new IllegalArgumentException("option '" + n.option() + "' of " + kind + " '" + name + "'"
                        + n.rest(), e))
                .orElse(e);
    }
}
