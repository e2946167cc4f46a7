package nas.api.objective.external;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas.api.StudyDirection;
import nas.api.distribution.Distribution;
import nas.api.distribution.Distributions;
import nas.api.json.Json;
import nas.api.objective.ObjectiveDefinition;
import nas.api.objective.ObjectiveOptions;
import nas.api.objective.ObjectivePlugin;

/**
 * An objective that runs a program per trial, for tuning anything that can be started from a
 * shell (a training script, a simulator, a build).
 *
 * <p><b>Search space</b>: a JSON file ({@code -O space=space.json}) with the parameters and the
 * directions, e.g.
 * <pre>{@code
 * {"directions": ["minimize"],
 *  "params": {"lr": {"type": "float", "low": 1e-5, "high": 0.1, "log": true},
 *             "layers": {"type": "int", "low": 1, "high": 4},
 *             "act": {"type": "categorical", "choices": ["relu", "tanh"]}},
 *  "defaults": {"lr": 0.001, "layers": 2, "act": "relu"}}
 * }</pre>
 *
 * <p><b>Protocol</b>: the program runs in the directory the objective was created in (where
 * {@code nas search} was started), so relative paths in its command line mean what they mean in the
 * user's shell. Each trial gets its own directory ({@code <workdir>/<study>/trial-00042}, see
 * {@link nas.api.artifact.TrialDirectory}) holding {@code params.json}, {@code stdout.log} and {@code stderr.log}; the
 * program gets the environment variables {@code NAS_PARAMS} (the parameters as JSON), {@code NAS_PARAMS_FILE},
 * {@code NAS_TRIAL_NUMBER} and {@code NAS_TRIAL_DIR}. It reports progress by printing lines
 * {@code nas:report STEP VALUE} (the trial reports them, and the program is stopped if the pruner
 * says so) and its result with a line {@code nas:result V1 [V2 ...]}. A non-zero exit, a missing
 * result or a time-out fails the trial with the reason and the end of stderr.
 *
 * <p><b>Programs that know nothing of NAS</b>: {@code config-file} / {@code config-template} write the
 * parameters into the config file the program reads ({@code {config}} in the command is its path);
 * {@code result-file}, {@code result-key} and {@code result-reduce} take the value from the summary it
 * writes ({@code mean-last:3} of its {@code losses}); {@code log-file} turns the log it appends to into
 * intermediate values; {@code eval-seeds} runs it once per seed ({@code {seed}}, in directories
 * {@code seed-N}) and takes the mean. A failed trial's user attribute {@value ProgramFailure#ATTR} holds
 * the {@link ProgramFailure.Kind} label (time-out, exit-code, oom, nan, missing-file, malformed, ...).
 */
public final class ExternalProgramPlugin implements ObjectivePlugin {

    @Override
    public String name() {
        return "external";
    }

    @Override
    public String description() {
        return "runs a program per trial: parameters in $NAS_PARAMS or a config file, result from a 'nas:result V' "
                + "line or a result file";
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("command", "the program and its arguments, split on spaces (quotes group words); {config}, "
                + "{trial_dir} and {seed} are replaced by the config file, the run's directory and the seed; required");
        o.put("space", "JSON file with the parameters, directions and defaults; required");
        o.put("workdir", "directory for the per-trial directories, <workdir>/<study>/trial-NNNNN (default nas-runs)");
        o.put("timeout", "seconds a run may take before it is stopped and its trial failed (default: no limit)");
        o.put("config-file", "write the trial's parameters to this file in the trial directory (dotted names nest)");
        o.put("config-template", "merge the parameters into this JSON file, or fill its {{name}} marks (any text)");
        o.put("result-file", "read the value from this JSON file the program writes in its run directory");
        o.put("result-key", "where the value is in the result file: a dotted key or a JSON pointer; comma-separated "
                + "for several objectives (default value)");
        o.put("result-reduce", "how a list becomes the value: last, min, max, mean, mean-last:N (default last)");
        o.put("log-file", "a JSON-lines or .csv log the program appends to; its values are the trial's "
                + "intermediate values (for pruners)");
        o.put("log-key", "the logged value's key or column (default loss)");
        o.put("log-step-key", "the logged step's key or column (default step; else the line's position)");
        o.put("eval-seeds", "run each trial once per seed (comma-separated), value = mean; per-seed values "
                + "and their spread are stored");
        return o;
    }

    @Override
    public ObjectiveDefinition create(ObjectiveOptions options) {
        options.requireOnly(name(), options().keySet());
        String commandLine = options.getString("command", null);
        String spacePath = options.getString("space", null);
        if (commandLine == null || commandLine.isBlank() || spacePath == null) {
            throw new IllegalArgumentException("objective 'external' needs -O command=... and -O space=FILE.json");
        }
        Path startDir = Path.of("").toAbsolutePath();
        SearchSpaceFile space = SearchSpaceFile.read(startDir.resolve(spacePath));
        ExternalProgram program = ExternalProgram.configure(options, split(commandLine), startDir, space.params(),
                space.directions().size());
        List<String> names = new ArrayList<>();
        for (int k = 0; k < space.directions().size(); k++) {
            names.add(space.directions().size() == 1 ? "value" : "values_" + k);
        }
        return new ObjectiveDefinition(space.directions(), names, program::run, space.defaults(), space.params());
    }

    /** Splits a command line on spaces; single or double quotes group words. */
    static List<String> split(String commandLine) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : commandLine.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unbalanced quote in command '" + commandLine + "'");
        }
        if (inWord) {
            out.add(word.toString());
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("option 'command' is empty");
        }
        return out;
    }

    /** A default names a parameter of the space and lies in its range (it is used as a trial's value). */
    private static void checkDefault(Path file, Map<String, Distribution> params, String name, Object value) {
        Distribution d = params.get(name);
        if (d == null) {
            throw new IllegalArgumentException("'defaults' in " + file + " names '" + name
                    + "', which is not a parameter (parameters: " + params.keySet() + ")");
        }
        boolean inside;
        try {
            inside = d.contains(d.toInternal(value));
        } catch (RuntimeException e) {
            inside = false;
        }
        if (!inside) {
            throw new IllegalArgumentException("the default of '" + name + "' in " + file + ", " + value
                    + ", is not a value of " + Distributions.describe(d));
        }
    }

    /** The search-space file. */
    record SearchSpaceFile(List<StudyDirection> directions, Map<String, Distribution> params,
            Map<String, Object> defaults) {

        static SearchSpaceFile read(Path file) {
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read search space " + file + ": "
                        + nas.api.FileErrors.reason(e));
            }
            Object tree;
            try {
                tree = Json.readDocument(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("search space " + file + ": " + e.getMessage(), e);
            }
            if (!(tree instanceof Map<?, ?> root)) {
                throw new IllegalArgumentException("search space " + file + " must be a JSON object");
            }
            List<StudyDirection> directions = new ArrayList<>();
            Object dirs = root.get("directions");
            if (dirs == null) {
                directions.add(StudyDirection.MINIMIZE);
            } else if (dirs instanceof List<?> list && !list.isEmpty()) {
                for (Object d : list) {
                    directions.add(StudyDirection.parse(String.valueOf(d)));
                }
            } else {
                throw new IllegalArgumentException("'directions' in " + file + " must be a non-empty list");
            }
            if (!(root.get("params") instanceof Map<?, ?> ps) || ps.isEmpty()) {
                throw new IllegalArgumentException("search space " + file + " needs a non-empty 'params' object");
            }
            Map<String, Distribution> params = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ps.entrySet()) {
                if (!(e.getValue() instanceof Map<?, ?> d)) {
                    throw new IllegalArgumentException("parameter '" + e.getKey() + "' in " + file + " must be an object");
                }
                try {
                    // NAS's form ("type": "float", ...) or Optuna's ("name": "FloatDistribution", "attributes"), as
                    // 'nas ask' takes
                    params.put((String) e.getKey(), nas.api.transfer.StudyTransfer.distribution(d));
                } catch (IllegalArgumentException | ClassCastException ex) {
                    throw new IllegalArgumentException("parameter '" + e.getKey() + "' in " + file + ": " + ex.getMessage());
                }
            }
            Map<String, Object> defaults = new LinkedHashMap<>();
            if (root.get("defaults") instanceof Map<?, ?> ds) {
                ds.forEach((k, v) -> defaults.put(String.valueOf(k), v));
            } else if (root.get("defaults") != null) {
                throw new IllegalArgumentException("'defaults' in " + file + " must be an object");
            }
            defaults.forEach((name, value) -> checkDefault(file, params, name, value));
            return new SearchSpaceFile(directions, params, defaults);
        }
    }
}
