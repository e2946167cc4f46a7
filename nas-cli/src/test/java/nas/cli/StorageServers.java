package nas.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nas.storage.JdbcStorage;

/**
 * The storage server processes ({@code nas server --storage URL}, auto-started daemons or started by hand) that
 * belong to a test's directories, found in the process table (Linux {@code /proc}): a server whose H2 file lies in
 * one of them, or that was started from one (its working directory is there, as for servers the README's blocks
 * start on files elsewhere). A server that is still starting (no endpoint file yet, waiting for the owner lock) is
 * found too, which the files beside the database would not show.
 */
final class StorageServers {

    /** How long a server may take to exit once asked to. */
    private static final long EXIT_SECONDS = 30;

    private StorageServers() {
    }

    /** A live server: its process and the storage it was started on. */
    record Server(ProcessHandle process, String storage) {
        @Override
        public String toString() {
            return "nas server pid " + process.pid() + " on " + storage;
        }
    }

    /**
     * Stops the servers of {@code dirs} as a service manager does (SIGTERM: the server commits, closes its
     * database and removes its endpoint file) and waits until they have exited, so that nothing writes in the
     * directories while they are deleted and no server outlives its test.
     *
     * @throws AssertionError naming the servers that had not exited {@value #EXIT_SECONDS} s after SIGTERM
     *                        (they are then killed)
     */
    static void stop(Collection<Path> dirs) {
        List<Server> servers = in(dirs);
        servers.forEach(s -> s.process().destroy());
        List<Server> stuck = new ArrayList<>();
        for (Server s : servers) {
            try {
                s.process().onExit().get(EXIT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                s.process().destroyForcibly();
                stuck.add(s);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping " + s, e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
        if (!stuck.isEmpty()) {
            throw new AssertionError("storage servers still running " + EXIT_SECONDS + " s after SIGTERM (killed): "
                    + stuck);
        }
    }

    /** Stops the servers of {@code dir}; see {@link #stop(Collection)}. */
    static void stop(Path dir) {
        stop(List.of(dir));
    }

    /** The live servers of {@code dirs}. */
    static List<Server> in(Collection<Path> dirs) {
        List<Path> roots = dirs.stream().map(StorageServers::real).toList();
        return ProcessHandle.allProcesses().flatMap(p -> server(p).stream())
                .filter(s -> roots.stream().anyMatch(root -> belongsTo(s, root))).toList();
    }

    /** The live servers that this JVM started itself (commands run in-process start them as its children). */
    static List<Server> childrenOfThisJvm() {
        return ProcessHandle.current().children().flatMap(p -> server(p).stream()).toList();
    }

    private static boolean belongsTo(Server s, Path root) {
        Optional<Path> cwd = link(s.process(), "cwd");
        if (cwd.isPresent() && cwd.get().startsWith(root)) {
            return true;
        }
        Optional<Path> file;
        try {
            file = JdbcStorage.h2File(s.storage());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return file.map(f -> cwd.map(c -> c.resolve(f)).orElse(f).normalize()).filter(f -> f.isAbsolute())
                .filter(f -> f.startsWith(root)).isPresent();
    }

    /** {@code p} as a server when its command line is {@code ... server --storage URL ...}. */
    private static Optional<Server> server(ProcessHandle p) {
        List<String> args = commandLine(p);
        for (int i = 0; i + 2 < args.size(); i++) {
            if (args.get(i).equals("server") && args.get(i + 1).equals("--storage")) {
                return Optional.of(new Server(p, args.get(i + 2)));
            }
        }
        return Optional.empty();
    }

    private static List<String> commandLine(ProcessHandle p) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), "cmdline"));
            return List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | SecurityException e) {
            return List.of(); // gone meanwhile, or another user's
        }
    }

    private static Optional<Path> link(ProcessHandle p, String name) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", String.valueOf(p.pid()), name)));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static Path real(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir.toAbsolutePath().normalize();
        }
    }
}
