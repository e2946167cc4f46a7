package nas.api.objective.external;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas.api.Trial;
import nas.api.distribution.Distribution;
import nas.api.json.Json;
import nas.api.artifact.TrialDirectory;
import nas.api.objective.ObjectiveOptions;

/**
 * The external objective's trial: decides the parameters, makes the trial's directory with
 * {@code params.json} and the config file, runs the program once per evaluation seed (each in its own
 * {@code seed-N} directory when there are seeds) and makes the trial's value from the runs' values.
 */
final class ExternalProgram {

    /** Trial user attribute: the value of each evaluation seed, seed → value (a list for several objectives). */
    static final String SEED_VALUES_ATTR = "eval_seed_values";
    /** Trial user attribute: the sample standard deviation of the seeds' values (one objective, two seeds or more). */
    static final String SEED_STD_ATTR = "eval_seed_std";

    private final List<String> command;
    private final Path startDir;
    private final Map<String, Distribution> params;
    private final Path workdir;
    private final double timeout;
    private final String configFile;
    private final TrialConfig config;
    private final ResultFile resultFile;
    private final String logFile;
    private final String logKey;
    private final String logStepKey;
    private final List<Long> seeds;

    private ExternalProgram(List<String> command, Path startDir, Map<String, Distribution> params, Path workdir,
            double timeout, String configFile, TrialConfig config, ResultFile resultFile, String logFile,
            String logKey, String logStepKey, List<Long> seeds) {
        this.command = command;
        this.startDir = startDir;
        this.params = params;
        this.workdir = workdir;
        this.timeout = timeout;
        this.configFile = configFile;
        this.config = config;
        this.resultFile = resultFile;
        this.logFile = logFile;
        this.logKey = logKey;
        this.logStepKey = logStepKey;
        this.seeds = seeds;
    }

    /** Reads and checks the options, so that a mistake is refused before any trial runs. */
    static ExternalProgram configure(ObjectiveOptions options, List<String> command, Path startDir,
            Map<String, Distribution> params, int objectives) {
        double timeout = options.getDouble("timeout", 0);
        if (timeout < 0) {
            throw new IllegalArgumentException("option 'timeout' must be >= 0 seconds, but got " + timeout);
        }
        Path workdir = startDir.resolve(options.getString("workdir", "nas-runs"));
        String template = options.getString("config-template", null);
        String configFile = options.getString("config-file", null);
        if (template != null && configFile == null) {
            String name = Path.of(template).getFileName().toString();
            configFile = name.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? "config.json" : name;
        }
        TrialConfig config = template == null ? TrialConfig.plain() : TrialConfig.fromTemplate(startDir.resolve(template));
        if (configFile != null) {
            inside("config-file", configFile);
            TrialConfig.nest(new LinkedHashMap<>(params)); // a parameter that is also another's parent is refused now
            for (String mark : config.marks()) {
                if (!params.containsKey(mark)) {
                    throw new IllegalArgumentException("config template " + template + " marks {{" + mark
                            + "}}, which is not a parameter (parameters: " + params.keySet() + ")");
                }
            }
        }
        ResultFile result = null;
        String resultName = options.getString("result-file", null);
        if (resultName != null) {
            inside("result-file", resultName);
            List<String> keys = List.of(options.getString("result-key", "value").split(","));
            if (keys.size() != objectives) {
                throw new IllegalArgumentException("option 'result-key' names " + keys.size() + " key(s) " + keys
                        + ", but the search space has " + objectives + " direction(s)");
            }
            result = new ResultFile(resultName, keys.stream().map(String::trim).toList(),
                    ResultFile.Reduce.parse(options.getString("result-reduce", "last")));
        } else {
            for (String o : List.of("result-key", "result-reduce")) {
                if (options.has(o)) {
                    throw new IllegalArgumentException("option '" + o + "' needs -O result-file=FILE");
                }
            }
        }
        String logFile = options.getString("log-file", null);
        if (logFile != null) {
            inside("log-file", logFile);
        }
        List<Long> seeds = seeds(options.getString("eval-seeds", null));
        String joined = String.join(" ", command);
        if (joined.contains("{config}") && configFile == null) {
            throw new IllegalArgumentException("the command uses {config}: give -O config-file=NAME or -O config-template=FILE");
        }
        if (joined.contains("{seed}") && seeds.isEmpty()) {
            throw new IllegalArgumentException("the command uses {seed}: give the seeds with -O eval-seeds=N[,N...]");
        }
        return new ExternalProgram(command, startDir, params, workdir, timeout, configFile, config, result, logFile,
                options.getString("log-key", "loss"), options.getString("log-step-key", "step"), seeds);
    }

    private static List<Long> seeds(String text) {
        List<Long> seeds = new ArrayList<>();
        if (text == null) {
            return seeds;
        }
        for (String s : text.split(",")) {
            try {
                Long seed = Long.parseLong(s.trim());
                if (seeds.contains(seed)) {
                    throw new IllegalArgumentException("option 'eval-seeds' names seed " + seed + " twice");
                }
                seeds.add(seed);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option 'eval-seeds' takes integers separated by commas, but got '"
                        + text + "'");
            }
        }
        return seeds;
    }

    /** A file the program writes or reads in its directory: a relative path that stays inside it. */
    private static void inside(String option, String name) {
        Path p = Path.of(name);
        if (p.isAbsolute() || p.normalize().startsWith("..") || name.isBlank()) {
            throw new IllegalArgumentException("option '" + option + "' names a file inside the trial's directory, "
                    + "but got '" + name + "'");
        }
    }

    /** The trial: its values, the mean over the evaluation seeds when there are several. */
    double[] run(Trial trial) throws IOException, InterruptedException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Distribution> e : params.entrySet()) {
            values.put(e.getKey(), trial.suggest(e.getKey(), e.getValue()));
        }
        Path dir = TrialDirectory.create(workdir, trial.study().name(), trial.number());
        String json = Json.write(values);
        Files.writeString(dir.resolve("params.json"), json);
        trial.setUserAttr(nas.api.artifact.FileSystemArtifactStore.TRIAL_DIR_ATTR, dir.toAbsolutePath().toString());
        Path configPath = null;
        if (configFile != null) {
            configPath = dir.resolve(configFile).toAbsolutePath();
            Files.createDirectories(configPath.getParent());
            Files.writeString(configPath, config.render(values));
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NAS_PARAMS", json);
        env.put("NAS_PARAMS_FILE", dir.resolve("params.json").toAbsolutePath().toString());
        env.put("NAS_TRIAL_NUMBER", String.valueOf(trial.number()));
        if (configPath != null) {
            env.put("NAS_CONFIG_FILE", configPath.toString());
        }
        try {
            if (seeds.isEmpty()) {
                return once(trial, dir, configPath, null, env, true);
            }
            return overSeeds(trial, dir, configPath, env);
        } catch (ProgramFailure f) {
            trial.setUserAttr(ProgramFailure.ATTR, f.kind().label());
            throw f;
        }
    }

    private double[] overSeeds(Trial trial, Path dir, Path configPath, Map<String, String> env)
            throws IOException, InterruptedException {
        Map<String, Object> perSeed = new LinkedHashMap<>();
        double[] sum = null;
        List<Double> firsts = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            long seed = seeds.get(i);
            Path runDir = Files.createDirectory(dir.resolve("seed-" + seed));
            double[] v;
            try {
                // the pruner compares like with like: the intermediate values are the first seed's
                v = once(trial, runDir, configPath, seed, env, i == 0);
            } catch (ProgramFailure f) {
                throw f.prefixed("seed " + seed + ": ");
            }
            perSeed.put(String.valueOf(seed), v.length == 1 ? (Object) v[0] : toList(v));
            firsts.add(v[0]);
            if (sum == null) {
                sum = new double[v.length];
            }
            for (int k = 0; k < v.length; k++) {
                sum[k] += v[k];
            }
        }
        trial.setUserAttr(SEED_VALUES_ATTR, perSeed);
        if (firsts.size() >= 2 && sum.length == 1) {
            trial.setUserAttr(SEED_STD_ATTR, sampleStd(firsts));
        }
        for (int k = 0; k < sum.length; k++) {
            sum[k] /= seeds.size();
        }
        return sum;
    }

    private double[] once(Trial trial, Path runDir, Path configPath, Long seed, Map<String, String> env,
            boolean report) throws IOException, InterruptedException {
        Map<String, String> runEnv = new LinkedHashMap<>(env);
        runEnv.put("NAS_TRIAL_DIR", runDir.toAbsolutePath().toString());
        if (seed != null) {
            runEnv.put("NAS_SEED", String.valueOf(seed));
        }
        List<String> args = new ArrayList<>(command.size());
        for (String word : command) {
            String w = word.replace("{trial_dir}", runDir.toAbsolutePath().toString());
            if (configPath != null) {
                w = w.replace("{config}", configPath.toString());
            }
            if (seed != null) {
                w = w.replace("{seed}", String.valueOf(seed));
            }
            args.add(w);
        }
        ProgressLog log = logFile == null ? null : new ProgressLog(runDir.resolve(logFile), logKey, logStepKey);
        return new ProgramRun(args, startDir, runDir, runEnv, timeout).run(trial, report, log, resultFile);
    }

    private static List<Double> toList(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(x);
        }
        return out;
    }

    /** Sample standard deviation (n - 1 in the denominator). */
    static double sampleStd(List<Double> xs) {
        double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double ss = 0;
        for (double x : xs) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (xs.size() - 1));
    }
}
