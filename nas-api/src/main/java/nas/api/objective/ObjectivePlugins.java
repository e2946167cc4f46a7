package nas.api.objective;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The objective plugins on the class path. */
public final class ObjectivePlugins {

    private ObjectivePlugins() {
    }

    /**
     * Every plugin, sorted by name.
     *
     * @return every plugin, sorted by name
     */
    public static List<ObjectivePlugin> all() {
        List<ObjectivePlugin> out = new ArrayList<>();
        ServiceLoader.load(ObjectivePlugin.class).forEach(out::add);
        out.sort(Comparator.comparing(ObjectivePlugin::name));
        return out;
    }

    /**
     * The plugin called {@code name}.
     *
     * @param name the plugin's name
     * @return the plugin called {@code name}
     * @throws IllegalArgumentException naming the known plugins when there is none
     */
    public static ObjectivePlugin find(String name) {
        List<ObjectivePlugin> all = all();
        for (ObjectivePlugin p : all) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown objective '" + name + "'; known objectives: "
                + all.stream().map(ObjectivePlugin::name).collect(Collectors.joining(", ")));
    }
}
