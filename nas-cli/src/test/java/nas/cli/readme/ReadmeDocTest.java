package nas.cli.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nas.cli.readme.ReadmeBlocks.Block;
import nas.cli.readme.ReadmeBlocks.Kind;
import nas.cli.readme.ReadmeBlocks.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README as a new user would: a fresh copy of the repository (the files git tracks) with the
 * {@code nas.jar} this build made, then every command block in order, from the copy's root, through
 * the real {@code ./nas} script: README.md's, then those of docs/*.md by name (see {@link ReadmeBlocks#documents}).
 * See {@link ReadmeBlocks} for which blocks run and how a transcript is
 * checked, {@link ReadmeBudget} for how budgets are kept small.
 *
 * <p>It needs the packaged jar, so Maven runs it in the {@code integration-test} phase (execution
 * {@code readme} of nas-cli's pom, which sets {@code nas.readme.jar}); in the ordinary test phase it is
 * skipped. On its own: {@code mvn -pl nas-cli -am verify -Dtest=ReadmeDocTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ReadmeDocTest {

    private static final int BLOCK_TIMEOUT_SECONDS = 600;

    @TempDir
    Path temp;

    @Test
    void everyCommandBlockOfTheReadmeAndDocsRunsAsWritten() throws Exception {
        String jarProperty = System.getProperty("nas.readme.jar");
        assumeTrue(jarProperty != null, "runs in the integration-test phase, once nas.jar is packaged");
        Path jar = Path.of(jarProperty);
        assertThat(jar).exists();
        Path repo = repositoryRoot();
        Path checkout = temp.resolve("nas");
        copyTrackedFiles(repo, checkout);
        Path copiedJar = checkout.resolve("nas-cli/target/nas.jar");
        Files.createDirectories(copiedJar.getParent());
        Files.copy(jar, copiedJar, StandardCopyOption.REPLACE_EXISTING);
        // newer than every copied source, so ./nas runs it instead of rebuilding
        Files.setLastModifiedTime(copiedJar, FileTime.from(Instant.now().plusSeconds(3600)));

        // README.md first, then docs/*.md by name: one run, one working directory, as a reader goes on
        List<Path> documents = ReadmeBlocks.documents(checkout);
        Map<Path, List<Block>> blocksOf = new LinkedHashMap<>();
        for (Path document : documents) {
            blocksOf.put(document, ReadmeBlocks.parse(Files.readString(document)));
        }
        assertThat(blocksOf.get(checkout.resolve("README.md"))).filteredOn(b -> b.kind() == Kind.SCRIPT).isNotEmpty();
        // the studies whose output a transcript shows run their trials in full (up to the usual cap)
        java.util.Set<String> shown = new java.util.HashSet<>();
        blocksOf.values().stream().flatMap(List::stream).filter(b -> b.kind() == Kind.TRANSCRIPT)
                .flatMap(b -> ReadmeBlocks.steps(b.text()).stream())
                .forEach(step -> ReadmeBudget.study(step.command()).ifPresent(shown::add));
        List<String> failures = new ArrayList<>();
        int index = 0;
        int executed = 0;
        for (Map.Entry<Path, List<Block>> document : blocksOf.entrySet()) {
            String name = checkout.relativize(document.getKey()).toString();
            for (Block block : document.getValue()) {
                index++;
                switch (block.kind()) {
                    case SCRIPT -> {
                        executed++;
                        Run run = bash(checkout, ReadmeBudget.capped(block.text(), shown), index, name);
                        if (run.exit() != 0) {
                            failures.add(name + " line " + block.line() + ": exit " + run.exit() + "\n" + indent(block.text())
                                    + "  stderr (end):\n" + indent(tail(run.err(), 15)));
                        } else if (run.err().contains("unexpected error") || run.err().contains("Exception")) {
                            failures.add(name + " line " + block.line() + ": exit 0 but an error on stderr\n"
                                    + indent(block.text()) + indent(tail(run.err(), 15)));
                        }
                    }
                    case TRANSCRIPT -> {
                        executed++;
                        for (Step step : ReadmeBlocks.steps(block.text())) {
                            Run run = bash(checkout, ReadmeBudget.capped(step.command()), index, name);
                            List<String> out = run.out().lines().toList();
                            if (run.exit() != 0 || !ReadmeBlocks.matches(step.expected(), out)) {
                                failures.add(name + " line " + block.line() + ": '$ " + step.command() + "' exit "
                                        + run.exit() + "\n  expected:\n" + indent(String.join("\n", step.expected()))
                                        + "  got:\n" + indent(run.out()) + "  stderr (end):\n" + indent(tail(run.err(), 10)));
                            }
                        }
                    }
                    case SKIPPED -> {
                    }
                }
            }
        }
        System.out.printf(java.util.Locale.ROOT, "README and docs: %d command blocks run from %d files%n", executed,
                documents.size());
        assertThat(failures).as("README and docs blocks that failed").isEmpty();
    }

    /** A finished block. */
    private record Run(int exit, String out, String err) {
    }

    /**
     * Runs {@code script} with bash ({@code -e -o pipefail}) in {@code dir}, then waits for the jobs it
     * left in the background and fails if one of them failed.
     */
    private Run bash(Path dir, String script, int index, String document) throws IOException, InterruptedException {
        Path file = temp.resolve("block-" + index + ".sh");
        Files.writeString(file, "set -eo pipefail\n" + script
                + "\nfor job in $(jobs -p); do wait \"$job\" || exit $?; done\n");
        Path out = temp.resolve("block-" + index + ".out");
        Path err = temp.resolve("block-" + index + ".err");
        ProcessBuilder pb = new ProcessBuilder("bash", file.toString()).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()));
        pb.environment().remove("NAS_STORAGE");
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        pb.environment().put("TMPDIR", tmp.toString());
        long outStart = Files.exists(out) ? Files.size(out) : 0;
        long errStart = Files.exists(err) ? Files.size(err) : 0;
        long started = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(BLOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
            return new Run(-1, read(out, outStart), read(err, errStart) + "\n(timed out after " + BLOCK_TIMEOUT_SECONDS + " s)");
        }
        System.out.printf(java.util.Locale.ROOT, "%s block %d: exit %d in %.1f s: %s%n", document, index, p.exitValue(),
                (System.nanoTime() - started) / 1e9, script.lines().findFirst().orElse(""));
        return new Run(p.exitValue(), read(out, outStart), read(err, errStart));
    }

    private static String read(Path file, long from) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
    }

    /** The repository this test runs in: the first parent of the working directory holding README.md and nas. */
    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("README.md")) && Files.exists(p.resolve("nas"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }

    /** Copies what git tracks (what a fresh clone holds), or without git every file outside target/ and .git. */
    private static void copyTrackedFiles(Path repo, Path to) throws IOException, InterruptedException {
        List<String> files = gitLsFiles(repo);
        if (files == null) {
            try (Stream<Path> walk = Files.walk(repo)) {
                files = walk.filter(Files::isRegularFile)
                        .map(p -> repo.relativize(p).toString())
                        .filter(f -> !f.startsWith(".git") && !f.matches("(.*/)?target/.*"))
                        .toList();
            }
        }
        for (String f : files) {
            Path source = repo.resolve(f);
            if (!Files.isRegularFile(source)) {
                continue; // deleted in the work tree but not yet committed
            }
            Path target = to.resolve(f);
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static List<String> gitLsFiles(Path repo) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("git", "ls-files", "--cached", "--others", "--exclude-standard")
                    .directory(repo.toFile()).redirectErrorStream(false).start();
            List<String> files = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return p.waitFor() == 0 && !files.isEmpty() ? files : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static String indent(String text) {
        StringBuilder sb = new StringBuilder();
        text.lines().forEach(l -> sb.append("    ").append(l).append('\n'));
        return sb.toString();
    }
}
