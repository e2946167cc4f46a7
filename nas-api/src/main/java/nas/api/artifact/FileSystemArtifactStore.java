package nas.api.artifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import nas.api.FrozenTrial;
import nas.api.Trial;

/**
 * The files of one study on disk: the run's own files ({@code run.json}, {@code progress.csv},
 * {@code best.json}, {@code summary.md}) in {@code <base>/<study>/}, and each trial's directory
 * {@code <base>/<study>/trial-NNNNN/} with its config, logs and whatever its program wrote.
 *
 * <pre>{@code
 * FileSystemArtifactStore artifacts = FileSystemArtifactStore.of(Path.of("nas-runs"), "pilot");
 * FrozenTrial best = study.bestTrial();
 * for (String name : artifacts.list(best)) {           // config.json, seed-123/summary.json, ...
 *     System.out.println(artifacts.get(best, name));
 * }
 * artifacts.upload(trial, Path.of("model.bin"));         // from an objective: keep a file with the trial
 * }</pre>
 *
 * <p>Names are paths relative to a trial's directory; one that leads out of it is refused.
 */
public final class FileSystemArtifactStore {

    /** Trial user attribute holding the absolute path of the trial's directory. */
    public static final String TRIAL_DIR_ATTR = "trial_dir";

    private final Path base;
    private final String study;
    private final Path root;

    private FileSystemArtifactStore(Path base, String study) {
        this.base = base.toAbsolutePath().normalize();
        this.study = study;
        this.root = this.base.resolve(TrialDirectory.safeName(study));
    }

    /**
     * The store of study {@code study} under {@code base} (the external objective's {@code workdir},
     * {@code nas-runs} by default).
     *
     * @param base  the directory holding every study's directory
     * @param study the study's name
     * @return the study's store (nothing is created until something is written)
     */
    public static FileSystemArtifactStore of(Path base, String study) {
        return new FileSystemArtifactStore(base, study);
    }

    /** @return the study's directory, {@code <base>/<study>} */
    public Path root() {
        return root;
    }

    /**
     * A run-level file, e.g. {@code progress.csv}.
     *
     * @param name a file name inside the study's directory
     * @return its path
     */
    public Path runFile(String name) {
        return inside(root, name);
    }

    /**
     * The trial's directory: the one recorded in its user attribute {@value #TRIAL_DIR_ATTR}, else
     * {@code trial-NNNNN} when it exists.
     *
     * @param trial a trial of this study
     * @return its directory, if it has one
     */
    public Optional<Path> trialDirectory(FrozenTrial trial) {
        if (trial.userAttrs().get(TRIAL_DIR_ATTR) instanceof String recorded) {
            return Optional.of(Path.of(recorded));
        }
        Path dir = root.resolve(String.format(Locale.ROOT, "trial-%05d", trial.number()));
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) ? Optional.of(dir) : Optional.empty();
    }

    /**
     * The names of the trial's files, relative to its directory, sorted ({@code config.json},
     * {@code seed-123/summary.json}, ...); empty when it has no directory.
     *
     * @param trial a trial of this study
     * @return the names
     * @throws IOException when the directory cannot be read
     */
    public List<String> list(FrozenTrial trial) throws IOException {
        Optional<Path> dir = trialDirectory(trial);
        if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir.get())) {
            files.filter(Files::isRegularFile).forEach(f -> names.add(dir.get().relativize(f).toString()
                    .replace('\\', '/')));
        }
        names.sort(null);
        return names;
    }

    /**
     * One of the trial's files.
     *
     * @param trial a trial of this study
     * @param name  a name from {@link #list}
     * @return its path
     * @throws IllegalArgumentException when the trial has no directory, the name leads out of it, or no such
     *                                  file exists
     */
    public Path get(FrozenTrial trial, String name) {
        Path dir = trialDirectory(trial).orElseThrow(() -> new IllegalArgumentException("trial " + trial.number()
                + " of study '" + study + "' has no directory under " + root));
        Path file = inside(dir, name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("trial " + trial.number() + " of study '" + study + "' has no file '"
                    + name + "' (in " + dir + ")");
        }
        return file;
    }

    /**
     * Copies a file into the running trial's directory (created, and recorded in the trial, if the trial has
     * none yet), under the file's own name.
     *
     * @param trial  a running trial of this study
     * @param source the file to keep
     * @return where it is kept
     * @throws IOException when it cannot be copied, or the trial already holds a file of that name
     */
    public Path upload(Trial trial, Path source) throws IOException {
        Path dir;
        if (trial.userAttrs().get(TRIAL_DIR_ATTR) instanceof String recorded) {
            dir = Path.of(recorded);
        } else {
            dir = TrialDirectory.create(base, study, trial.number());
            trial.setUserAttr(TRIAL_DIR_ATTR, dir.toAbsolutePath().toString());
        }
        Path target = inside(dir, source.getFileName().toString());
        return Files.copy(source, target);
    }

    private static Path inside(Path dir, String name) {
        Path p = dir.resolve(name).normalize();
        if (!p.startsWith(dir.normalize()) || p.equals(dir.normalize())) {
            throw new IllegalArgumentException("'" + name + "' is not a file name inside " + dir);
        }
        return p;
    }
}
