package nas.api;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import nas.api.exception.StudyNotFoundException;
import nas.api.pruner.NopPruner;
import nas.api.pruner.Pruner;
import nas.api.sampler.RandomSampler;
import nas.api.sampler.Sampler;
import nas.api.storage.InMemoryStorage;
import nas.api.storage.Storage;
import nas.api.storage.StudyInfo;

/**
 * Creating, loading, listing and deleting studies.
 *
 * <pre>{@code
 * Study study = Studies.builder()          // in memory; name a study to store it and load it later
 *         .directions(StudyDirection.MINIMIZE)
 *         .sampler(new RandomSampler(42))
 *         .create();
 * study.optimize(trial -> {
 *     double x = trial.suggestFloat("x", -5, 5);
 *     return x * x;
 * }, 100);
 * }</pre>
 */
public final class Studies {

    /**
     * Refuses a study name that is blank or holds control characters (a newline or a tab would break every
     * table and line-based output that names the study). Storages check it when they create a study; studies
     * made before the check keep their names.
     *
     * @param name the name of a new study
     * @throws IllegalArgumentException when the name cannot name a study
     */
    public static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a study name must not be blank");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a study name must not contain control characters (newlines, tabs), "
                    + "but got '" + name.replaceAll("\\p{Cntrl}", "?") + "'");
        }
    }


    private Studies() {
    }

    /**
     * Starts building (creating or loading) the study {@code name}.
     *
     * @param name the study's name
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Starts building a new study with a generated name ({@code no-name-<uuid>}, as Optuna names
     * unnamed studies): for in-memory studies, which nobody loads by name. {@link Study#name()}
     * tells the name when it is wanted later.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder("no-name-" + java.util.UUID.randomUUID());
    }

    /**
     * Deletes a study and all its trials.
     *
     * @param storage the storage
     * @param name the study's name
     */
    public static void delete(Storage storage, String name) {
        OptionalLong id = storage.findStudy(name);
        if (id.isEmpty()) {
            throw new StudyNotFoundException("named '" + name + "'");
        }
        storage.deleteStudy(id.getAsLong());
    }

    /**
     * All studies of a storage.
     *
     * @param storage the storage
     * @return all studies of a storage
     */
    public static List<StudyInfo> list(Storage storage) {
        return storage.studies();
    }

    /** Options of a study; what is not set has a sensible default. */
    public static final class Builder {
        private final String name;
        private Storage storage;
        private List<StudyDirection> directions;
        private Sampler sampler;
        private Pruner pruner;
        private long seed;
        private boolean loadIfExists;
        private Duration heartbeatInterval;
        private Callback staleTrialCallback;

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("a study name must not be blank");
            }
            this.name = name;
        }

        /**
         * Where the study lives; default a new {@link InMemoryStorage}.
         *
         * @param s the storage
         * @return this builder
         */
        public Builder storage(Storage s) {
            this.storage = Objects.requireNonNull(s, "storage");
            return this;
        }

        /**
         * One direction per objective; default a single MINIMIZE.
         *
         * @param d one direction per objective
         * @return this builder
         */
        public Builder directions(StudyDirection... d) {
            return directions(Arrays.asList(d));
        }

        /**
         * One direction per objective (default: one, minimize).
         *
         * @param d one direction per objective
         * @return this builder
         */
        public Builder directions(List<StudyDirection> d) {
            if (d.isEmpty()) {
                throw new IllegalArgumentException("a study needs at least one direction");
            }
            for (StudyDirection one : d) { // not d.contains(null): List.of refuses that question
                if (one == null) {
                    throw new NullPointerException("directions " + d + ": each must be MINIMIZE or MAXIMIZE");
                }
            }
            this.directions = List.copyOf(d);
            return this;
        }

        /**
         * Default: {@link RandomSampler} with the study seed.
         *
         * @param s the sampler
         * @return this builder
         */
        public Builder sampler(Sampler s) {
            this.sampler = Objects.requireNonNull(s, "sampler");
            return this;
        }

        /**
         * Default: {@link NopPruner}. Multi-objective studies accept no other.
         *
         * @param p the pruner
         * @return this builder
         */
        public Builder pruner(Pruner p) {
            this.pruner = Objects.requireNonNull(p, "pruner");
            return this;
        }

        /**
         * The study seed (default 0): the one place it is set. Every sampler and pruner not given a
         * seed of its own ({@code new RandomSampler()}, {@code TpeOptions.withStudySeed()}, the
         * defaults) derives its random choices from it; one given a seed uses that instead.
         *
         * @param s the study seed
         * @return this builder
         */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * With {@link #create()}: load the study instead of failing when it already exists.
         *
         * @param b load an existing study
         * @return this builder
         */
        public Builder loadIfExists(boolean b) {
            this.loadIfExists = b;
            return this;
        }

        /**
         * Running trials record a heartbeat this often; a RUNNING trial silent for twice as long is
         * failed by the next {@link Study#ask()} (its process is presumed dead).
         *
         * @param interval the heartbeat interval (null: no heartbeats)
         * @return this builder
         */
        public Builder heartbeatInterval(Duration interval) {
            if (interval != null && (interval.isNegative() || interval.isZero())) {
                throw new IllegalArgumentException("heartbeat interval must be positive, but got " + interval);
            }
            this.heartbeatInterval = interval;
            return this;
        }

        /**
         * Called for each trial failed for a stale heartbeat (e.g. {@link RetryFailedTrialCallback}).
         *
         * @param callback the callback
         * @return this builder
         */
        public Builder staleTrialCallback(Callback callback) {
            this.staleTrialCallback = callback;
            return this;
        }

        /**
         * Creates the study (or loads it with {@link #loadIfExists}).
         *
         * @return the study
         * @throws nas.api.exception.DuplicateStudyException if it exists and loadIfExists is off; its message
         *         says how to resume it ({@link #loadIfExists(boolean) loadIfExists(true)} or {@link #load()})
         */
        public Study create() {
            Storage s = storage != null ? storage : new InMemoryStorage();
            List<StudyDirection> d = directions != null ? directions : List.of(StudyDirection.MINIMIZE);
            checkPruner(d);
            OptionalLong existing = s.findStudy(name);
            if (existing.isPresent() && loadIfExists) {
                return open(s, existing.getAsLong());
            }
            long id;
            try {
                id = s.createStudy(name, d);
            } catch (nas.api.exception.DuplicateStudyException e) {
                if (!loadIfExists) {
                    throw new nas.api.exception.DuplicateStudyException(e.getMessage() + ": resume it with "
                            + "loadIfExists(true) or load(), or give the new study another name", e);
                }
                // another process created it between our lookup and our insert
                id = s.findStudy(name).orElseThrow(() -> e);
            }
            return open(s, id);
        }

        /**
         * Loads an existing study.
         *
         * @return the study
         * @throws StudyNotFoundException if there is none
         * @throws IllegalArgumentException if directions were given and differ from the stored ones
         */
        public Study load() {
            if (storage == null) {
                throw new IllegalArgumentException("load() needs the storage that holds study '" + name + "'");
            }
            OptionalLong id = storage.findStudy(name);
            if (id.isEmpty()) {
                throw new StudyNotFoundException("named '" + name + "'");
            }
            return open(storage, id.getAsLong());
        }

        private Study open(Storage s, long id) {
            List<StudyDirection> stored = s.studyDirections(id);
            if (directions != null && !directions.equals(stored)) {
                throw new IllegalArgumentException("study '" + name + "' has directions " + stored
                        + ", which do not match the requested " + directions);
            }
            checkPruner(stored);
            return new Study(s, id, name, stored, sampler != null ? sampler : new RandomSampler(),
                    pruner != null ? pruner : new NopPruner(), seed, heartbeatInterval, staleTrialCallback);
        }

        private void checkPruner(List<StudyDirection> d) {
            if (d.size() > 1 && pruner != null && !(pruner instanceof NopPruner)) {
                throw new IllegalArgumentException("pruning is not supported for multi-objective studies, but study '"
                        + name + "' has " + d.size() + " objectives and pruner " + pruner.getClass().getSimpleName());
            }
        }
    }
}
