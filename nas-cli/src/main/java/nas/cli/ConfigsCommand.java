package nas.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nas.sim.config.LabConfig;
import nas.sim.config.Presets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nas configs}: the named Evolution Lab presets; with a name, every setting of that preset. */
@Command(name = "configs", description = "List the Evolution Lab presets, or show one preset's settings.",
        footer = {"", "Examples:", "  nas configs", "  nas configs pure_optimal"})
public final class ConfigsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "CONFIG", description = "Show every setting of this preset.")
    String name;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (name != null) {
            if (!Presets.exists(name)) {
                throw new Nas.BadInputException("unknown config '" + name + "'; available: " + Presets.names());
            }
            LabConfig c = Presets.get(name);
            Map<String, Object> overrides = Presets.overrides(name);
            out.println(name + " - " + Presets.description(name));
            TextTable t = new TextTable(List.of("key", "value", ""));
            c.toMap().forEach((k, v) -> t.row(List.of(k, String.valueOf(v), overrides.containsKey(k) ? "*" : "")));
            t.print(out);
            out.println("(* = set by the preset; everything else is the reference default)");
            out.flush();
            return Nas.OK;
        }
        TextTable t = new TextTable(List.of("config", "mode", "selection", "hidden", "proprioception", "description"));
        for (String n : Presets.names()) {
            LabConfig c = Presets.get(n);
            t.row(List.of(n, c.neuralMode().key(), c.effectiveSelectionMethod().key(),
                    c.neuralMode().key().equals("neat") ? "-" : String.valueOf(c.neuralHiddenSize()),
                    c.useProprioception() ? c.proprioceptionInputs().key() : "off", Presets.description(n)));
        }
        t.print(out);
        out.flush();
        return Nas.OK;
    }
}
