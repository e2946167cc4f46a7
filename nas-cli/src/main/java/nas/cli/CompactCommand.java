package nas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import nas.api.exception.StorageException;
import nas.server.RpcClient;
import nas.server.ServerLauncher;
import nas.server.StorageDaemon;
import nas.storage.JdbcStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nas compact}: rewrites an H2 study file to its live data. An H2 file never shrinks by itself; its space is
 * reused, but a file that grew over a long run keeps its size. The file's storage server does the work (started if
 * none runs, as for every command): the other commands on the file wait meanwhile, then go on.
 */
@Command(name = "compact", sortOptions = false,
        description = {"Rewrite an H2 study file to its live data: it never shrinks by itself.",
            "The file's storage server does it (started if none runs): searches and runs using the file wait "
                + "meanwhile and go on afterwards, nothing lost. H2 writes the live data to a new file beside it, "
                + "then renames it over the old one: a kill at any moment leaves the old file or the new one.",
            "Refused, with nothing changed: too little free disk for the new file, a read-only file or another "
                + "user's, PostgreSQL (run VACUUM FULL there)."},
        footer = {"", "Examples:", "  nas compact", "  nas compact --storage runs/exp.mv.db"})
public final class CompactCommand implements Callable<Integer> {

    /** How often the size of the new file is shown while H2 writes it. */
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr; only the result on stdout.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String url = storage.url();
        if (StorageOptions.isPostgres(url)) {
            throw new Nas.BadInputException("nas compact rewrites an H2 file; " + storage.shownName() + " is PostgreSQL, "
                    + "which gives space back with VACUUM FULL (psql -c 'VACUUM FULL', while no search writes)");
        }
        ServerCommand.checkServable(url);
        StorageOptions.refuseDirectory(url);
        Optional<Path> h2;
        try {
            h2 = storage.h2File();
        } catch (IllegalArgumentException e) {
            throw new Nas.BadInputException("--storage: " + e.getMessage(), e);
        }
        if (h2.isEmpty()) {
            throw new Nas.BadInputException("nas compact rewrites an H2 file; " + storage.shownName() + " is not one");
        }
        Path file = h2.get();
        if (!Files.isRegularFile(file)) {
            throw new Nas.BadInputException("no NAS database at " + file.toAbsolutePath().normalize()
                    + " (nothing to compact)");
        }
        refuseIfNotOurs(file);
        String name = file.getFileName().toString();
        long size = Files.size(file);
        ServerLauncher launcher = storage.existingServer().orElseThrow();
        RpcClient rpc;
        try {
            rpc = launcher.client(Duration.ofSeconds(60));
        } catch (StorageException e) {
            throw new Nas.BadInputException(e.getMessage(), e);
        }
        if (!quiet) {
            err.printf(Locale.ROOT, "compacting %s (%s): H2 gives no progress, shown is the new file's size as it is "
                    + "written; commands using the file wait until it is done%n", name, megabytes(size));
            err.flush();
        }
        Thread progress = quiet ? null : progress(err, Path.of(file + JdbcStorage.COMPACT_TEMP_SUFFIX));
        Map<?, ?> result;
        try {
            result = (Map<?, ?>) rpc.call(StorageDaemon.COMPACT, Map.of(), RpcClient.Kind.REPEATABLE);
        } finally {
            if (progress != null) {
                progress.interrupt();
                progress.join();
            }
            rpc.close();
        }
        long before = ((Number) result.get("bytesBefore")).longValue();
        long after = ((Number) result.get("bytesAfter")).longValue();
        double seconds = ((Number) result.get("seconds")).doubleValue();
        double waited = ((Number) result.get("waitSeconds")).doubleValue();
        if (!quiet && waited >= 0.5) {
            err.printf(Locale.ROOT, "waited %s for the calls in progress to finish first%n", seconds(waited));
            err.flush();
        }
        out.printf(Locale.ROOT, "%s: %s -> %s in %s%n", name, megabytes(before), megabytes(after), seconds(seconds));
        out.flush();
        return Nas.OK;
    }

    /**
     * Refuses a file this user may not rewrite: compaction replaces it with a new file, which would be this user's,
     * and writes beside it. Checked here as well as by the server, since root may write any file: a read-only file
     * (no write permission for its owner) and another user's are refused even then.
     */
    private static void refuseIfNotOurs(Path file) throws IOException {
        String owner = Files.getOwner(file).getName();
        String me = System.getProperty("user.name");
        if (!owner.equals(me)) {
            throw new Nas.BadInputException(file + " belongs to user " + owner + ": only its owner compacts it "
                    + "(nothing was changed)");
        }
        Optional<String> why = JdbcStorage.whyNotWritable(file.toString());
        boolean ownerWrites;
        try {
            ownerWrites = Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE);
        } catch (UnsupportedOperationException e) {
            ownerWrites = true;
        }
        if (why.isPresent() || !ownerWrites) {
            throw new Nas.BadInputException(why.orElse("the database file " + file + " is read-only")
                    + ": nas compact rewrites it, so it is left as it is (nothing was changed)");
        }
    }

    /** Shows the size of the new file while H2 writes it, every {@link #PROGRESS_EVERY}. */
    private static Thread progress(PrintWriter err, Path temp) {
        Thread t = new Thread(() -> {
            long shown = -1;
            long started = System.nanoTime();
            try {
                while (true) {
                    Thread.sleep(PROGRESS_EVERY.toMillis());
                    long now = Files.exists(temp) ? Files.size(temp) : -1;
                    if (now >= 0 && now != shown) {
                        err.printf(Locale.ROOT, "compacting: %s of the new file written after %s%n", megabytes(now),
                                seconds((System.nanoTime() - started) / 1e9));
                        err.flush();
                        shown = now;
                    }
                }
            } catch (InterruptedException | IOException e) {
                // done, or the new file was renamed into place meanwhile
            }
        }, "nas-compact-progress");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Bytes as MB (10^6 bytes): one decimal below 10 MB, thousands grouped above. */
    static String megabytes(long bytes) {
        double mb = bytes / 1e6;
        return mb < 10 ? String.format(Locale.ROOT, "%.1f MB", mb) : String.format(Locale.ROOT, "%,d MB", Math.round(mb));
    }

    /** Seconds: one decimal below 10 s, whole above. */
    static String seconds(double s) {
        return s < 10 ? String.format(Locale.ROOT, "%.1f s", s) : String.format(Locale.ROOT, "%,d s", Math.round(s));
    }
}
