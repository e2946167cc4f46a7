package nas.api.objective.external;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas.api.StudyDirection;
import nas.api.Trial;
import nas.api.distribution.Distribution;
import nas.api.distribution.Distributions;
import nas.api.exception.TrialPrunedException;
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
 * {@link TrialDirectory}) holding {@code params.json}, {@code stdout.log} and {@code stderr.log}; the
 * program gets the environment variables {@code NAS_PARAMS} (the parameters as JSON), {@code NAS_PARAMS_FILE},
 * {@code NAS_TRIAL_NUMBER} and {@code NAS_TRIAL_DIR}. It reports progress by printing lines
 * {@code nas:report STEP VALUE} (the trial reports them, and the program is stopped if the pruner
 * says so) and its result with a line {@code nas:result V1 [V2 ...]}. A non-zero exit, a missing
 * result or a time-out fails the trial with the reason and the end of stderr.
 */
public final class ExternalProgramPlugin implements ObjectivePlugin {

    @Override
    public String name() {
        return "external";
    }

    @Override
    public String description() {
        return "runs a program per trial: parameters in $NAS_PARAMS, result from a 'nas:result V' line on stdout";
    }

    @Override
    public Map<String, String> options() {
        return Map.of(
                "command", "the program and its arguments, split on spaces (quotes group words); required",
                "space", "JSON file with the parameters, directions and defaults; required",
                "workdir", "directory for the per-trial directories, <workdir>/<study>/trial-NNNNN (default nas-runs)",
                "timeout", "seconds a trial may run before it is stopped and failed (default: no limit)");
    }

    @Override
    public ObjectiveDefinition create(ObjectiveOptions options) {
        options.requireOnly(name(), options().keySet());
        String commandLine = options.getString("command", null);
        String spacePath = options.getString("space", null);
        if (commandLine == null || commandLine.isBlank() || spacePath == null) {
            throw new IllegalArgumentException("objective 'external' needs -O command=... and -O space=FILE.json");
        }
        List<String> command = split(commandLine);
        Path startDir = Path.of("").toAbsolutePath();
        SearchSpaceFile space = SearchSpaceFile.read(startDir.resolve(spacePath));
        Path workdir = startDir.resolve(options.getString("workdir", "nas-runs"));
        double timeout = options.getDouble("timeout", 0);
        if (timeout < 0) {
            throw new IllegalArgumentException("option 'timeout' must be >= 0 seconds, but got " + timeout);
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < space.directions().size(); k++) {
            names.add(space.directions().size() == 1 ? "value" : "values_" + k);
        }
        return new ObjectiveDefinition(space.directions(), names,
                trial -> run(trial, command, startDir, space, workdir, timeout), space.defaults(), space.params());
    }

    private static double[] run(Trial trial, List<String> command, Path startDir, SearchSpaceFile space, Path workdir,
            double timeout) throws IOException, InterruptedException {
        Map<String, Object> params = new LinkedHashMap<>();
        for (Map.Entry<String, Distribution> e : space.params().entrySet()) {
            params.put(e.getKey(), trial.suggest(e.getKey(), e.getValue()));
        }
        Path dir = TrialDirectory.create(workdir, trial.study().name(), trial.number());
        String json = Json.write(params);
        Files.writeString(dir.resolve("params.json"), json);
        ProcessBuilder pb = new ProcessBuilder(command).directory(startDir.toFile())
                .redirectError(dir.resolve("stderr.log").toFile());
        pb.environment().put("NAS_PARAMS", json);
        pb.environment().put("NAS_PARAMS_FILE", dir.resolve("params.json").toAbsolutePath().toString());
        pb.environment().put("NAS_TRIAL_NUMBER", String.valueOf(trial.number()));
        pb.environment().put("NAS_TRIAL_DIR", dir.toAbsolutePath().toString());
        trial.setUserAttr("trial_dir", dir.toAbsolutePath().toString());
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command + ": " + e.getMessage(), e);
        }
        ProcessTimeout watchdog = timeout > 0 ? ProcessTimeout.start(process, timeout) : null;
        double[] result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); var log = Files.newBufferedWriter(dir.resolve("stdout.log"))) {
            String line;
            while ((line = readLine(out, watchdog)) != null) {
                log.write(line);
                log.newLine();
                String t = line.trim();
                if (t.startsWith("nas:report ")) {
                    String[] f = t.split("\\s+");
                    trial.report(number(f, 2, line), (int) number(f, 1, line));
                    if (trial.shouldPrune()) {
                        process.destroyForcibly();
                        process.waitFor();
                        throw new TrialPrunedException("pruned at step " + f[1]);
                    }
                } else if (t.startsWith("nas:result ")) {
                    String[] f = t.split("\\s+");
                    result = new double[f.length - 1];
                    for (int k = 1; k < f.length; k++) {
                        result[k - 1] = number(f, k, line);
                    }
                }
            }
        } finally {
            if (watchdog != null) {
                watchdog.cancel();
            }
        }
        int exit = process.waitFor();
        if (watchdog != null && watchdog.fired()) {
            throw new IllegalStateException("program ran longer than " + timeout + " s and was stopped");
        }
        if (exit != 0) {
            throw new IllegalStateException("program exited with code " + exit + ": " + tail(dir.resolve("stderr.log")));
        }
        if (result == null) {
            throw new IllegalStateException("program printed no 'nas:result' line (see " + dir.resolve("stdout.log") + ")");
        }
        return result;
    }

    /** The next line of the program's output; null at its end, also when the time-out stopped it. */
    private static String readLine(BufferedReader out, ProcessTimeout watchdog) throws IOException {
        try {
            return out.readLine();
        } catch (IOException e) {
            if (watchdog != null && watchdog.fired()) {
                return null; // the stream closed under us because the program was stopped
            }
            throw e;
        }
    }

    private static double number(String[] fields, int i, String line) {
        try {
            return Double.parseDouble(fields[i]);
        } catch (RuntimeException e) {
            throw new IllegalStateException("malformed line from the program: '" + line + "'");
        }
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> last = lines.subList(Math.max(0, lines.size() - 3), lines.size());
        return last.isEmpty() ? "(no stderr)" : String.join(" | ", last);
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
                throw new IllegalArgumentException("cannot read search space " + file + ": " + e.getMessage());
            }
            if (!(Json.read(text) instanceof Map<?, ?> root)) {
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
                    params.put((String) e.getKey(), Distributions.fromMap(d));
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
