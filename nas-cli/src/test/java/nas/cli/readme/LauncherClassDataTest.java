package nas.cli.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nas.server.ServerEndpoint;
import nas.server.ServerFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code nas} launcher's class-data archive, with the real script and nas.jar (run in the
 * integration-test phase, like {@link ReadmeDocTest}): made once for a jar, valid for the JVM, used by
 * later commands and by the servers they start, and made again, silently, when the jar changes.
 */
class LauncherClassDataTest {

    @TempDir
    Path temp;

    private record Run(int exit, String out, String err) {
    }

    private Run nas(Path checkout, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", checkout.resolve("nas").toString()));
        command.addAll(List.of(args));
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(checkout.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("TMPDIR", Files.createDirectories(temp.resolve("tmp")).toString());
        pb.environment().remove("NAS_CDS");
        Process p = pb.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String stamp(Path jar) throws Exception {
        return Files.getLastModifiedTime(jar).toMillis() / 1000 + " " + Files.size(jar);
    }

    @Test
    void theArchiveIsMadeOnceUsedAndMadeAgainWhenTheJarChanges() throws Exception {
        String jarProperty = System.getProperty("nas.readme.jar");
        assumeTrue(jarProperty != null, "runs in the integration-test phase, once nas.jar is packaged");
        Path checkout = Files.createDirectories(temp.resolve("nas"));
        Path root = Path.of("").toAbsolutePath().getParent();
        Files.copy(root.resolve("nas"), checkout.resolve("nas"));
        Path jar = Files.createDirectories(checkout.resolve("nas-cli/target")).resolve("nas.jar");
        Files.copy(Path.of(jarProperty), jar);
        Path archive = checkout.resolve("nas-cli/target/nas.jsa");
        Path stampFile = checkout.resolve("nas-cli/target/nas.jsa.stamp");

        Run first = nas(checkout, "--version");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("nas ");
        assertThat(first.err()).isEmpty();
        assertThat(archive).isNotEmptyFile();
        assertThat(Files.readString(stampFile).strip()).isEqualTo(stamp(jar));
        // the JVM maps it (-Xshare:on fails rather than run without it)
        Process strict = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-jar", jar.toString(), "--version")
                .redirectErrorStream(true).redirectOutput(temp.resolve("strict.txt").toFile()).start();
        assertThat(strict.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(strict.exitValue()).as(Files.readString(temp.resolve("strict.txt"))).isZero();

        // the server a command starts by itself maps the server archive (a JVM that cannot use an
        // archive, e.g. one made from another jar, does not map it)
        Path serverArchive = checkout.resolve("nas-cli/target/nas-server.jsa");
        assertThat(serverArchive).isNotEmptyFile();
        Path db = temp.resolve("served");
        Run created = nas(checkout, "create-study", "--study", "s", "--storage", db.toString());
        assertThat(created.exit()).as(created.err()).isZero();
        long pid = ServerEndpoint.read(new ServerFiles(temp.resolve("served.mv.db")).endpoint()).orElseThrow().pid();
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
        try {
            assertThat(Files.readString(Path.of("/proc", String.valueOf(pid), "maps")))
                    .contains(serverArchive.toRealPath().toString());
        } finally {
            server.destroy();
            server.onExit().get(60, TimeUnit.SECONDS);
        }

        // used as it is: not made again
        FileTime made = Files.getLastModifiedTime(archive);
        Run second = nas(checkout, "--version");
        assertThat(second.exit()).isZero();
        assertThat(second.err()).isEmpty();
        assertThat(Files.getLastModifiedTime(archive)).isEqualTo(made);

        // a new jar: the old archive is not used, a new one is made, and nothing is said about it
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(7200)));
        Run changed = nas(checkout, "--version");
        assertThat(changed.exit()).as(changed.err()).isZero();
        assertThat(changed.out()).startsWith("nas ");
        assertThat(changed.err()).isEmpty();
        assertThat(Files.readString(stampFile).strip()).isEqualTo(stamp(jar));
        assertThat(archive).isNotEmptyFile();
    }
}
