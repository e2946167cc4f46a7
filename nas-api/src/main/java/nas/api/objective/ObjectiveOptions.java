package nas.api.objective;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Options given to an objective plugin ({@code --dim 10}, {@code --generations 50}, ...) as
 * text, with typed getters whose errors name the option and the value.
 */
public final class ObjectiveOptions {

    private final Map<String, String> values;

    /**
     * The options given, as text ({@code -O key=value}).
     *
     * @param values option values by name, as text
     */
    public ObjectiveOptions(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * No options: every plugin default applies.
     *
     * @return options with nothing set
     */
    public static ObjectiveOptions none() {
        return new ObjectiveOptions(Map.of());
    }

    /**
     * The options as given.
     *
     * @return the options as given
     */
    public Map<String, String> asMap() {
        return values;
    }

    /**
     * Whether option {@code name} was given.
     *
     * @param name the option's name
     * @return whether option {@code name} was given
     */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * Option {@code name} as text, or {@code defaultValue}.
     *
     * @param name the option's name
     * @param defaultValue the value when the option is not given
     * @return the option as text
     */
    public String getString(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    /**
     * Option {@code name} as an int, or {@code defaultValue}; not an int: IllegalArgumentException.
     *
     * @param name the option's name
     * @param defaultValue the value when the option is not given
     * @return the option as an int
     */
    public int getInt(String name, int defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + name + "' needs an integer, but got '" + v + "'");
        }
    }

    /**
     * Option {@code name} as a number, or {@code defaultValue}; not a number: IllegalArgumentException.
     *
     * @param name the option's name
     * @param defaultValue the value when the option is not given
     * @return the option as a number
     */
    public double getDouble(String name, double defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + name + "' needs a number, but got '" + v + "'");
        }
    }

    /**
     * Option {@code name} as true/false (also yes/no, 1/0), or {@code defaultValue}.
     *
     * @param name the option's name
     * @param defaultValue the value when the option is not given
     * @return the option as a boolean
     */
    public boolean getBoolean(String name, boolean defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true": case "yes": case "1": return true;
            case "false": case "no": case "0": return false;
            default: throw new IllegalArgumentException("option '" + name + "' needs true or false, but got '" + v + "'");
        }
    }

    /**
     * Rejects options the plugin does not know.
     *
     * @param plugin the plugin's name, for the message
     * @param known the option names the plugin accepts
     * @throws IllegalArgumentException naming the unknown options and the known ones
     */
    public void requireOnly(String plugin, Set<String> known) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("objective '" + plugin + "' does not take option(s) " + unknown
                    + (known.isEmpty() ? "; it takes none" : "; it takes " + new TreeSet<>(known)));
        }
    }
}
