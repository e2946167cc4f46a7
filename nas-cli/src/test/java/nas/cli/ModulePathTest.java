package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Constructor;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nas.api.Seeds;
import nas.api.objective.ObjectivePlugin;
import nas.api.objective.ObjectivePlugins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The modules themselves. The other tests run on the class path (see the parent pom); this one takes nas-cli's
 * classes and its runtime dependencies (the path Maven writes to {@code target/runtime-path.txt}) as a module
 * path and checks that the modules resolve into one layer, export exactly their API packages, keep the others
 * closed, find the objective plugins through {@code provides}, and that {@code nas} runs from them.
 *
 * <p>When you add a package, add it to the module's {@code module-info.java} ({@code exports} if it is API)
 * and to {@link #EXPORTED} or {@link #INTERNAL} here.
 */
class ModulePathTest {

    /** Per NAS module, the packages exported to everyone. */
    static final Map<String, Set<String>> EXPORTED = Map.ofEntries(
            Map.entry("nas.api", Set.of("nas.api", "nas.api.artifact", "nas.api.benchmark", "nas.api.distribution",
                    "nas.api.exception", "nas.api.export", "nas.api.objective", "nas.api.objective.external",
                    "nas.api.objective.functions", "nas.api.pruner", "nas.api.sampler", "nas.api.storage",
                    "nas.api.transfer")),
            Map.entry("nas.storage", Set.of("nas.storage")),
            Map.entry("nas.server", Set.of("nas.server")),
            Map.entry("nas.samplers", Set.of("nas.samplers", "nas.samplers.cmaes", "nas.samplers.gp",
                    "nas.samplers.grid", "nas.samplers.morris", "nas.samplers.nsga2", "nas.samplers.pareto",
                    "nas.samplers.qmc", "nas.samplers.tpe")),
            Map.entry("nas.pruners", Set.of("nas.pruners")),
            Map.entry("nas.analysis", Set.of("nas.analysis.importance", "nas.analysis.pareto")),
            Map.entry("nas.neat", Set.of("nas.neat", "nas.neat.data", "nas.neat.learn", "nas.neat.objective")),
            Map.entry("nas.sim", Set.of("nas.sim.config", "nas.sim.control", "nas.sim.evolution",
                    "nas.sim.experiment", "nas.sim.genetics", "nas.sim.genome", "nas.sim.neat", "nas.sim.objective",
                    "nas.sim.physics")),
            Map.entry("nas.ga", Set.of("nas.ga", "nas.ga.plot")),
            Map.entry("nas.dashboard", Set.of("nas.dashboard")),
            Map.entry("nas.cli", Set.of()));

    /** Per NAS module, the packages not exported to everyone (resource directories count as packages). */
    static final Map<String, Set<String>> INTERNAL = Map.ofEntries(
            Map.entry("nas.api", Set.of("nas.api.json")),
            Map.entry("nas.storage", Set.of("nas.storage.migration.h2", "nas.storage.migration.postgresql")),
            Map.entry("nas.server", Set.of()),
            Map.entry("nas.samplers", Set.of()),
            Map.entry("nas.pruners", Set.of("nas.pruners.curve")),
            Map.entry("nas.analysis", Set.of()),
            Map.entry("nas.neat", Set.of()),
            Map.entry("nas.sim", Set.of()),
            Map.entry("nas.ga", Set.of("nas.ga.objective")),
            Map.entry("nas.dashboard", Set.of("nas.dashboard.web")),
            Map.entry("nas.cli", Set.of("nas.cli")));

    private static List<Path> modulePath;
    private static ModuleLayer layer;

    @TempDir
    Path dir;

    @BeforeAll
    static void resolve() throws IOException {
        Path runtimePath = Path.of(System.getProperty("nas.runtime.path", "target/runtime-path.txt"));
        assertThat(runtimePath).as("written by maven-dependency-plugin in generate-test-resources").exists();
        List<Path> path = new ArrayList<>();
        path.add(Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().getPath()));
        for (String entry : Files.readString(runtimePath, StandardCharsets.UTF_8).trim().split(File.pathSeparator)) {
            path.add(Path.of(entry));
        }
        modulePath = List.copyOf(path);
        // the platform loader as parent: every NAS and library class comes from the layer, none from the
        // class path this test runs on, so a split package or a missing 'requires' shows here
        Configuration cf = ModuleLayer.boot().configuration()
                .resolveAndBind(ModuleFinder.of(modulePath.toArray(Path[]::new)), ModuleFinder.of(), Set.of("nas.cli"));
        layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
    }

    private static Module module(String name) {
        return layer.findModule(name).orElseThrow(() -> new AssertionError("module " + name + " not resolved"));
    }

    @Test
    void everyNasModuleIsAnExplicitModuleAndCommonsMathIsAutomatic() {
        Set<String> nas = layer.modules().stream().map(Module::getName).filter(n -> n.startsWith("nas."))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(nas).isEqualTo(new TreeSet<>(EXPORTED.keySet()));
        for (String name : nas) {
            assertThat(module(name).getDescriptor().isAutomatic()).as(name).isFalse();
        }
        // commons-math3 3.6.1 has no Automatic-Module-Name: its name comes from the jar's file name
        assertThat(module("commons.math3").getDescriptor().isAutomatic()).isTrue();
        assertThat(module("smile.core").getDescriptor().isAutomatic()).isTrue();
        // nothing of NAS lives in a library's package any more
        assertThat(module("nas.analysis").getPackages()).noneMatch(p -> p.startsWith("smile."));
    }

    @Test
    void eachModuleExportsExactlyItsApiPackages() {
        for (String name : EXPORTED.keySet()) {
            ModuleDescriptor d = module(name).getDescriptor();
            Set<String> exported = d.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(exported).as("unqualified exports of %s", name).isEqualTo(new TreeSet<>(EXPORTED.get(name)));
            Set<String> internal = new TreeSet<>(d.packages());
            internal.removeAll(exported);
            assertThat(internal).as("packages %s does not export (add a new package to module-info.java and to"
                    + " this test)", name).isEqualTo(new TreeSet<>(INTERNAL.get(name)));
        }
        // the one qualified export: the shared JSON configuration, for NAS modules only
        ModuleDescriptor.Exports json = module("nas.api").getDescriptor().exports().stream()
                .filter(e -> e.source().equals("nas.api.json")).findFirst().orElseThrow();
        assertThat(json.targets()).allMatch(t -> t.startsWith("nas."));
        assertThat(module("nas.api").isExported("nas.api.json", module("nas.storage"))).isTrue();
        assertThat(module("nas.api").isExported("nas.api.json", module("commons.math3"))).isFalse();
    }

    @Test
    void aPackageThatIsNotExportedCannotBeReachedFromAnotherModule() throws Exception {
        Module outside = getClass().getModule(); // this test's unnamed module
        // an exported class: callable, and it computes what the class path computes
        Class<?> seeds = Class.forName("nas.api.Seeds", true, module("nas.api").getClassLoader());
        assertThat(seeds.getModule().getName()).isEqualTo("nas.api");
        assertThat(seeds.getMethod("mix", long.class).invoke(null, 42L)).isEqualTo(Seeds.mix(42L));

        Class<?> json = Class.forName("nas.api.json.Json", true, module("nas.api").getClassLoader());
        assertThat(json.getModule().isExported("nas.api.json", outside)).isFalse();
        Method write = json.getMethod("write", Object.class);
        assertThatThrownBy(() -> write.invoke(null, 1)).isInstanceOf(IllegalAccessException.class)
                .hasMessageContaining("does not export nas.api.json");
        assertThatThrownBy(() -> write.setAccessible(true)).isInstanceOf(InaccessibleObjectException.class);

        Class<?> curve = Class.forName("nas.pruners.curve.CurvePlugin", true, module("nas.pruners").getClassLoader());
        Constructor<?> constructor = curve.getConstructor();
        assertThatThrownBy(constructor::newInstance).isInstanceOf(IllegalAccessException.class);

        // the CLI is an application: nothing of it is exported, picocli and Jackson may reflect on it
        Module cli = module("nas.cli");
        assertThat(cli.isExported("nas.cli")).isFalse();
        assertThat(cli.isOpen("nas.cli", module("info.picocli"))).isTrue();
        assertThat(cli.isOpen("nas.cli", outside)).isFalse();
    }

    /** The README's {@code module my.tuning}: it compiles against the API, and not against an internal package. */
    @Test
    void aUserModuleCompilesAgainstTheApiButNotAgainstInternals() throws IOException {
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("my/tuning"));
        Files.writeString(src.resolve("module-info.java"), String.join("\n",
                "module my.tuning {",
                "    requires nas.api;",
                "    requires nas.storage;",
                "    requires nas.samplers;",
                "    requires nas.analysis;",
                "}", ""));
        Path tuning = src.resolve("my/tuning/Tuning.java");
        Files.writeString(tuning, String.join("\n",
                "package my.tuning;",
                "public class Tuning {",
                "    nas.api.Study study;",
                "    nas.storage.JdbcStorage storage;",
                "    nas.samplers.tpe.TpeSampler sampler = new nas.samplers.tpe.TpeSampler();",
                "    nas.analysis.importance.FanovaImportance importance;",
                "}", ""));
        assertThat(javac(src)).isEmpty();

        // reading the modules is not enough: the packages they do not export stay out of reach
        Files.writeString(src.resolve("module-info.java"), String.join("\n",
                "module my.tuning {",
                "    requires nas.api;",
                "    requires nas.storage;",
                "    requires nas.samplers;",
                "    requires nas.analysis;",
                "    requires nas.pruners;",
                "    requires nas.cli;",
                "}", ""));
        Files.writeString(src.resolve("my/tuning/Internal.java"), String.join("\n",
                "package my.tuning;",
                "class Internal {",
                "    Object json = nas.api.json.Json.write(1);",
                "    Object cli = new nas.cli.Main();",
                "    Object curve = new nas.pruners.curve.CurvePlugin();",
                "}", ""));
        assertThat(javac(src)).contains("package nas.api.json is declared in module nas.api, which does not export it",
                "package nas.cli is declared in module nas.cli, which does not export it",
                "package nas.pruners.curve is declared in module nas.pruners, which does not export it");
    }

    /** Compiles the module in {@code src} against the module path; the compiler's messages. */
    private String javac(Path src) throws IOException {
        // an empty class path: in this JVM the compiler would otherwise take the test's class path, NAS included
        Path empty = Files.createDirectories(dir.resolve("empty"));
        List<String> args = new ArrayList<>(List.of("-d", dir.resolve("out").toString(), "-proc:none", "-Xlint:none",
                "-cp", empty.toString(), "--module-path", modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator))));
        try (var files = Files.walk(src)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.tools.ToolProvider.getSystemJavaCompiler().run(null, out, out, args.toArray(String[]::new));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theObjectivePluginsAreFoundThroughProvidesAsOnTheClassPath() throws Exception {
        Class<?> pluginType = Class.forName(ObjectivePlugin.class.getName(), true, module("nas.api").getClassLoader());
        Method name = pluginType.getMethod("name");
        Set<String> onModulePath = new TreeSet<>();
        for (Object plugin : ServiceLoader.load(layer, pluginType)) {
            onModulePath.add((String) name.invoke(plugin));
        }
        Set<String> onClassPath = ObjectivePlugins.all().stream().map(ObjectivePlugin::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(onModulePath).hasSize(13).isEqualTo(onClassPath);
    }

    @Test
    void nasRunsFromTheModulePath() throws Exception {
        Result help = nas("--help");
        assertThat(help.exit).as(help.err).isZero();
        assertThat(help.out).contains("search", "importance");

        // an H2 file: the CLI starts its storage server, itself from the module path
        String db = "jdbc:h2:" + dir.resolve("studies");
        Result search = nas("search", "--study", "mp", "--objective", "rastrigin", "--dim", "3", "--sampler", "tpe",
                "--n-trials", "30", "--seed", "7", "--storage", db, "--quiet");
        assertThat(search.exit).as(search.err).isZero();
        assertThat(search.out).startsWith("best trial ");

        Result trials = nas("trials", "--study", "mp", "--format", "json", "--storage", db);
        assertThat(trials.exit).as(trials.err).isZero();
        // the same seed gives the same trials as nas on the class path
        String classPathDb = "jdbc:h2:" + dir.resolve("classpath");
        assertThat(CliProcess.run(dir, "search", "--study", "mp", "--objective", "rastrigin", "--dim", "3", "--sampler",
                "tpe", "--n-trials", "30", "--seed", "7", "--storage", classPathDb, "--quiet").exitCode()).isZero();
        CliProcess.Result reference = CliProcess.run(dir, "trials", "--study", "mp", "--format", "json", "--storage",
                classPathDb);
        assertThat(valuesAndParams(trials.out)).hasSize(30).isEqualTo(valuesAndParams(reference.out()));

        // fANOVA: Smile's forests and the split thresholds, on the module path
        Result importance = nas("importance", "--study", "mp", "--format", "csv", "--storage", db);
        assertThat(importance.exit).as(importance.err).isZero();
        List<String> rows = importance.out.lines().toList();
        assertThat(rows).hasSize(4);
        assertThat(rows.subList(1, 4).stream().map(r -> r.split(",")[1])).containsExactlyInAnyOrder("x0", "x1", "x2");
        assertThat(importance.out).isEqualTo(CliProcess.run(dir, "importance", "--study", "mp", "--format", "csv",
                "--storage", classPathDb).out());

        Result bad = nas("search", "--study", "mp", "--objective", "no-such-objective", "--storage", db);
        assertThat(bad.exit).isEqualTo(2);
        assertThat(bad.err).contains("no-such-objective").doesNotContain("Exception");
    }

    /** Each trial's values and params from {@code nas trials --format json}, in order. */
    private static List<String> valuesAndParams(String json) {
        return java.util.regex.Pattern.compile("\"values\":\\[[^\\]]*\\],\"params\":\\{[^}]*}").matcher(json)
                .results().map(java.util.regex.MatchResult::group).toList();
    }

    private record Result(int exit, String out, String err) {
    }

    private Result nas(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "--module-path", modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                "--module", "nas.cli/nas.cli.Main"));
        command.addAll(Arrays.asList(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("nas " + String.join(" ", args) + " did not finish in 180 s; stderr: "
                    + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
