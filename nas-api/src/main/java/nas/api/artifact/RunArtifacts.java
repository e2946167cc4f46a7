package nas.api.artifact;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nas.api.Callback;
import nas.api.FrozenTrial;
import nas.api.Study;
import nas.api.TrialState;
import nas.api.json.Json;

/**
 * Keeps a run's files up to date while a study runs (a {@link Callback}): {@code run.json} (how the run
 * was started), {@code progress.csv} (one row per finished trial: number, generation, status, value,
 * seconds, baseline, failure kind, directory) and {@code best.json} (the best trial so far).
 *
 * <p>{@code progress.csv} gets exactly one row per finished trial, also across a killed and resumed
 * search and several workers: each update takes an OS lock on the file, reads the numbers it holds
 * (dropping a last row cut short by a kill) and appends only the rows missing.
 */
public final class RunArtifacts implements Callback {

    /** Trial user attribute marking the baseline trial (true). */
    public static final String BASELINE_ATTR = "baseline";

    private final FileSystemArtifactStore store;
    /** The trial numbers progress.csv held at its size {@link #knownSize} (after this process's last write). */
    private final Set<Integer> present = new HashSet<>();
    private long knownSize = -1;

    /** @param store the study's files */
    public RunArtifacts(FileSystemArtifactStore store) {
        this.store = store;
    }

    /**
     * Writes {@code run.json} unless an earlier run of the study did, and brings {@code progress.csv} and
     * {@code best.json} up to date with the study (a resumed study's trials finished after the last row).
     *
     * @param study the study
     * @param spec  how the run was started (command, space, options), as JSON-compatible values
     * @throws IOException when the files cannot be written
     */
    public void start(Study study, Map<String, Object> spec) throws IOException {
        Files.createDirectories(store.root());
        Path run = store.runFile("run.json");
        if (!Files.exists(run)) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("study", study.name());
            doc.put("directions", study.directions().stream().map(d -> d.name().toLowerCase(java.util.Locale.ROOT))
                    .toList());
            doc.putAll(spec);
            writeAtomically(run, Json.writePretty(doc));
        }
        sync(study);
    }

    @Override
    public void afterTrial(Study study, FrozenTrial trial) {
        try {
            sync(study);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot update the run files in " + store.root(), e);
        }
    }

    /**
     * Appends the rows of finished trials {@code progress.csv} lacks and rewrites {@code best.json}.
     *
     * @param study the study
     * @throws IOException when the files cannot be written
     */
    public synchronized void sync(Study study) throws IOException {
        Files.createDirectories(store.root());
        List<FrozenTrial> finished = new ArrayList<>();
        for (FrozenTrial t : study.trials()) {
            if (t.state().isFinished()) {
                finished.add(t);
            }
        }
        finished.sort(Comparator.comparingInt(FrozenTrial::number));
        int objectives = study.directions().size();
        try (FileChannel ch = FileChannel.open(store.runFile("progress.csv"), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
            long size = ch.size();
            long complete = size;
            StringBuilder add = new StringBuilder();
            if (size != knownSize) { // another process wrote meanwhile, or this is the first look: read it all
                ByteBuffer buf = ByteBuffer.allocate((int) size);
                while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
                    // read it all
                }
                byte[] old = buf.array();
                int end = old.length;
                while (end > 0 && old[end - 1] != '\n') {
                    end--; // a row cut short by a kill is dropped and written again
                }
                complete = end;
                present.clear();
                for (String row : new String(old, 0, end, StandardCharsets.UTF_8).split("\n")) {
                    String first = row.split(",", 2)[0];
                    if (first.matches("\\d+")) {
                        present.add(Integer.parseInt(first));
                    }
                }
                if (complete == 0) {
                    add.append(header(objectives)).append('\n');
                }
            }
            for (FrozenTrial t : finished) {
                if (present.add(t.number())) {
                    add.append(row(t, objectives)).append('\n');
                }
            }
            byte[] bytes = add.toString().getBytes(StandardCharsets.UTF_8);
            ch.truncate(complete);
            ch.write(ByteBuffer.wrap(bytes), complete);
            ch.force(false);
            knownSize = complete + bytes.length;
        }
        writeBest(study, finished);
    }

    private static String header(int objectives) {
        StringBuilder h = new StringBuilder("number,generation,status");
        if (objectives == 1) {
            h.append(",value");
        } else {
            for (int k = 0; k < objectives; k++) {
                h.append(",values_").append(k);
            }
        }
        return h.append(",seconds,baseline,failure,directory").toString();
    }

    private String row(FrozenTrial t, int objectives) {
        StringBuilder r = new StringBuilder().append(t.number()).append(',');
        Object generation = generation(t);
        r.append(generation == null ? "" : generation).append(',').append(t.state());
        for (int k = 0; k < objectives; k++) {
            r.append(',');
            if (k < t.values().size()) {
                r.append(t.values().get(k));
            }
        }
        r.append(',');
        if (t.duration() != null) {
            r.append(String.format(java.util.Locale.ROOT, "%.3f", t.duration().toNanos() / 1e9));
        }
        r.append(',').append(Boolean.TRUE.equals(t.userAttrs().get(BASELINE_ATTR)));
        Object failure = t.userAttrs().get(nas.api.objective.external.ProgramFailure.ATTR);
        r.append(',').append(failure == null ? "" : csv(String.valueOf(failure)));
        r.append(',').append(store.trialDirectory(t).map(d -> csv(shown(d))).orElse(""));
        return r.toString();
    }

    /** A trial directory relative to the run's directory when it lies inside it (so the run can be moved). */
    private String shown(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        return d.startsWith(store.root()) ? store.root().relativize(d).toString() : d.toString();
    }

    /** The generation a population-based sampler recorded for the trial (a system attribute {@code *:generation}). */
    static Object generation(FrozenTrial t) {
        for (Map.Entry<String, Object> e : t.systemAttrs().entrySet()) {
            if (e.getKey().endsWith(":generation") && e.getValue() instanceof Number n) {
                return n.longValue();
            }
        }
        return null;
    }

    private static String csv(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private void writeBest(Study study, List<FrozenTrial> finished) throws IOException {
        if (study.directions().size() != 1) {
            return; // several objectives have a front, not a best: see 'nas pareto'
        }
        FrozenTrial best = null;
        FrozenTrial baseline = null;
        for (FrozenTrial t : finished) {
            if (t.state() == TrialState.COMPLETE
                    && (best == null || study.directions().get(0).isBetter(t.value(), best.value()))) {
                best = t;
            }
            if (Boolean.TRUE.equals(t.userAttrs().get(BASELINE_ATTR))) {
                baseline = t;
            }
        }
        if (best == null) {
            return;
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("number", best.number());
        doc.put("value", best.value());
        doc.put("params", best.params());
        if (best.userAttrs().containsKey("eval_seed_values")) {
            doc.put("eval_seed_values", best.userAttrs().get("eval_seed_values"));
        }
        store.trialDirectory(best).ifPresent(d -> doc.put("directory", shown(d)));
        if (baseline != null && baseline.state() == TrialState.COMPLETE) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("number", baseline.number());
            b.put("value", baseline.value());
            doc.put("baseline", b);
        }
        writeAtomically(store.runFile("best.json"), Json.writePretty(doc));
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
