package nas.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server of the tests. In order: {@code $NAS_TEST_POSTGRES_URL} (CI sets it after
 * {@code scripts/postgres.sh start}; then it must work), the server {@code scripts/postgres.sh start}
 * left running, or a private one this JVM starts with the script and stops at exit. Tests call
 * {@link #freshUrl(String)}, which skips them (JUnit assumption) with the reason when no server can
 * be had, except under CI, where that is a failure.
 */
public final class PostgresTestServer {

    /** The environment variable naming the server's JDBC URL. */
    public static final String ENV = "NAS_TEST_POSTGRES_URL";

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static String baseUrl;
    private static String unavailable;

    private PostgresTestServer() {
    }

    /** A JDBC URL of a new, empty schema on the test server; skips the test when there is none. */
    public static synchronized String freshUrl(String prefix) {
        String base = baseUrl();
        String schema = (prefix + "_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet())
                .toLowerCase(java.util.Locale.ROOT);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " on " + base + ": " + e.getMessage(), e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The server's URL; skips the calling test when no server can be had (fails under CI). */
    public static synchronized String baseUrl() {
        if (baseUrl == null && unavailable == null) {
            find();
        }
        if (baseUrl == null) {
            String message = "PostgreSQL tests skipped: " + unavailable
                    + " (run scripts/postgres.sh start and set " + ENV + " to the URL it prints)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("under CI " + message.replace("skipped", "cannot run"));
            }
            Assumptions.assumeTrue(false, message);
        }
        return baseUrl;
    }

    private static void find() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            String problem = check(env);
            if (problem != null) {
                throw new IllegalStateException(ENV + "=" + env + " does not answer: " + problem);
            }
            baseUrl = env;
            return;
        }
        Path script = script();
        if (script == null) {
            unavailable = "scripts/postgres.sh not found above " + Path.of("").toAbsolutePath();
            return;
        }
        try {
            String running = run(script, "url", null);
            if (running != null && check(running) == null) {
                baseUrl = running;
                return;
            }
            Path dir = Files.createTempDirectory("nas-postgres-test");
            String port = String.valueOf(55000 + (int) (ProcessHandle.current().pid() % 1000));
            String[] env2 = {"NAS_PG_DIR=" + dir, "NAS_PG_PORT=" + port};
            String started = run(script, "start", env2);
            if (started == null || check(started) != null) {
                unavailable = "scripts/postgres.sh start could not start a server";
                return;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    run(script, "stop", env2);
                } catch (IOException | InterruptedException ignored) {
                    // the JVM is exiting; the data directory is in the temporary folder
                }
            }));
            baseUrl = started;
        } catch (IOException | InterruptedException e) {
            unavailable = "scripts/postgres.sh failed: " + e.getMessage();
        }
    }

    /** Runs the script and returns the last line it printed on stdout, or null when it failed. */
    private static String run(Path script, String command, String[] env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), command);
        if (env != null) {
            for (String kv : env) {
                String[] parts = kv.split("=", 2);
                pb.environment().put(parts[0], parts[1]);
            }
        }
        Path log = Files.createTempFile("nas-postgres", ".log");
        pb.redirectError(log.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return null;
        }
        Files.deleteIfExists(log);
        if (p.exitValue() != 0 || out.isEmpty()) {
            return null;
        }
        String[] lines = out.split("\\R");
        return lines[lines.length - 1];
    }

    private static String check(String url) {
        try (Connection c = DriverManager.getConnection(url)) {
            return c.isValid(5) ? null : "connection not valid";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /** scripts/postgres.sh in the working directory or a parent (tests run in a module folder). */
    public static Path script() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path s = d.resolve("scripts/postgres.sh");
            if (Files.isRegularFile(s)) {
                return s;
            }
        }
        return null;
    }
}
