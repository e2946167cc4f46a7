package nas.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import nas.api.objective.ObjectivePlugin;
import nas.api.objective.ObjectivePlugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nas objectives}: the objective plugins on the class path and their options. */
@Command(name = "objectives", description = "List the objectives 'nas search --objective' can run.")
public final class ObjectivesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (ObjectivePlugin p : ObjectivePlugins.all()) {
            out.println(p.name() + " - " + p.description());
            for (Map.Entry<String, String> o : new java.util.TreeMap<>(p.options()).entrySet()) {
                out.println("    -O " + o.getKey() + "=...  " + o.getValue());
            }
        }
        out.flush();
        return Nas.OK;
    }
}
