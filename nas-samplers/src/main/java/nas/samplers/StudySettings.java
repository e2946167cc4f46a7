package nas.samplers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nas.api.Study;
import nas.api.distribution.Distribution;
import nas.api.objective.ObjectiveDefinition;
import nas.api.objective.ObjectiveOptions;
import nas.api.objective.ObjectivePlugins;
import nas.api.pruner.Pruner;
import nas.api.sampler.Sampler;
import nas.api.storage.Storage;
import nas.pruners.Pruners;

/**
 * What a study remembers of how it is run, so that it can be resumed without repeating it: its objective
 * plugin and that plugin's options, the seed, the sampler by name with its options, the parameters held
 * fixed, and the pruner by name with its options. {@code nas search} and {@code nas screen} store these as system attributes of a study they create;
 * {@link ResumedStudy#resume} reads them back to continue the study from Java.
 *
 * @param objective        the objective plugin's name (see {@code nas objectives})
 * @param objectiveOptions the plugin's options as text
 * @param seed             the study's seed, of every random choice of its sampler
 * @param sampler          the sampler's name (see {@link Samplers#names()}), or null for none remembered
 *                         (a screening study, whose Morris design is remembered apart)
 * @param samplerOptions   the sampler's options as text (see {@link Samplers#create})
 * @param fixedParams      parameters held at a value instead of searched (phase 2 of screen → search)
 * @param pruner           the pruner's name (see {@link Pruners#names()}), or null for none remembered (a
 *                         study created before the pruner was remembered runs without one)
 * @param prunerOptions    the pruner's options as text (see {@link Pruners#create})
 */
public record StudySettings(String objective, Map<String, String> objectiveOptions, long seed, String sampler,
        Map<String, String> samplerOptions, Map<String, Object> fixedParams, String pruner,
        Map<String, String> prunerOptions) {

    /** The system attribute holding the objective's name. */
    public static final String OBJECTIVE_ATTR = "cli:objective";
    /** The system attribute holding the objective's options. */
    public static final String OBJECTIVE_OPTIONS_ATTR = "cli:objective_options";
    /** The system attribute holding the seed. */
    public static final String SEED_ATTR = "cli:seed";
    /** The system attribute holding the sampler's name. */
    public static final String SAMPLER_ATTR = "cli:sampler";
    /** The system attribute holding the sampler's options (studies created before it was kept have none). */
    public static final String SAMPLER_OPTIONS_ATTR = "cli:sampler_options";
    /** The system attribute holding the parameters held fixed. */
    public static final String FIXED_PARAMS_ATTR = "cli:fixed_params";
    /** The system attribute holding the pruner's name (studies created before it was kept have none). */
    public static final String PRUNER_ATTR = "cli:pruner";
    /** The system attribute holding the pruner's options. */
    public static final String PRUNER_OPTIONS_ATTR = "cli:pruner_options";

    /**
     * Settings as given; maps are copied in their order.
     *
     * @throws NullPointerException when the objective or a map is null
     */
    public StudySettings {
        Objects.requireNonNull(objective, "objective");
        objectiveOptions = copy(objectiveOptions);
        samplerOptions = copy(samplerOptions);
        fixedParams = Collections.unmodifiableMap(new LinkedHashMap<>(fixedParams));
        prunerOptions = copy(prunerOptions);
    }

    /**
     * Settings without a pruner.
     *
     * @param objective        the objective plugin's name
     * @param objectiveOptions the plugin's options as text
     * @param seed             the study's seed
     * @param sampler          the sampler's name, or null for none remembered
     * @param samplerOptions   the sampler's options as text
     * @param fixedParams      parameters held at a value instead of searched
     */
    public StudySettings(String objective, Map<String, String> objectiveOptions, long seed, String sampler,
            Map<String, String> samplerOptions, Map<String, Object> fixedParams) {
        this(objective, objectiveOptions, seed, sampler, samplerOptions, fixedParams, null, Map.of());
    }

    /**
     * The settings remembered in a study's system attributes; a study that remembers no objective (not made
     * by {@code nas search} or {@code nas screen}) has none.
     *
     * @param systemAttrs the study's system attributes
     * @return the settings, or empty
     */
    public static Optional<StudySettings> of(Map<String, Object> systemAttrs) {
        if (!(systemAttrs.get(OBJECTIVE_ATTR) instanceof String objective)) {
            return Optional.empty();
        }
        long seed = systemAttrs.get(SEED_ATTR) instanceof Number n ? n.longValue() : 0L;
        String sampler = systemAttrs.get(SAMPLER_ATTR) instanceof String s ? s : null;
        Map<String, Object> fixed = new LinkedHashMap<>();
        if (systemAttrs.get(FIXED_PARAMS_ATTR) instanceof Map<?, ?> m) {
            m.forEach((k, v) -> fixed.put(String.valueOf(k), v));
        }
        String pruner = systemAttrs.get(PRUNER_ATTR) instanceof String p ? p : null;
        return Optional.of(new StudySettings(objective, text(systemAttrs.get(OBJECTIVE_OPTIONS_ATTR)), seed,
                sampler, text(systemAttrs.get(SAMPLER_OPTIONS_ATTR)), fixed, pruner,
                text(systemAttrs.get(PRUNER_OPTIONS_ATTR))));
    }

    /**
     * The settings remembered by study {@code name} in {@code storage}.
     *
     * @param storage where the study is
     * @param name    the study's name
     * @return the settings, or empty when there is no such study or it remembers none
     */
    public static Optional<StudySettings> read(Storage storage, String name) {
        var id = storage.findStudy(name);
        return id.isPresent() ? of(storage.studySystemAttrs(id.getAsLong())) : Optional.empty();
    }

    /**
     * These settings with another sampler and its options.
     *
     * @param name    the sampler's name
     * @param options its options as text
     * @return the settings
     */
    public StudySettings withSampler(String name, Map<String, String> options) {
        return new StudySettings(objective, objectiveOptions, seed, name, options, fixedParams, pruner,
                prunerOptions);
    }

    /**
     * These settings with another pruner and its options.
     *
     * @param name    the pruner's name, or null for none
     * @param options its options as text
     * @return the settings
     */
    public StudySettings withPruner(String name, Map<String, String> options) {
        return new StudySettings(objective, objectiveOptions, seed, sampler, samplerOptions, fixedParams, name,
                options);
    }

    /**
     * The pruner these settings name, built by {@link Pruners#create}; {@code none} when they name none (a study
     * created before the pruner was remembered runs without one, as it was created).
     *
     * @return the pruner
     * @throws IllegalArgumentException for an unknown pruner, or options it refuses
     */
    public Pruner createPruner() {
        return Pruners.create(pruner != null ? pruner : "none", prunerOptions);
    }

    /**
     * The objective these settings name, built by its plugin from the options.
     *
     * @return the objective's definition
     * @throws IllegalArgumentException for an unknown plugin or options it refuses
     */
    public ObjectiveDefinition objectiveDefinition() {
        return ObjectivePlugins.find(objective).create(new ObjectiveOptions(objectiveOptions));
    }

    /**
     * The objective as the sampler sees it: parameters held fixed are not in its search space.
     *
     * @param definition the objective's definition
     * @return the definition without the fixed parameters in its search space
     */
    public ObjectiveDefinition searched(ObjectiveDefinition definition) {
        Set<String> fixed = fixedParams.keySet();
        if (fixed.isEmpty() || definition.searchSpace().isEmpty()) {
            return definition;
        }
        Map<String, Distribution> space = new LinkedHashMap<>(definition.searchSpace());
        space.keySet().removeAll(fixed);
        return new ObjectiveDefinition(definition.directions(), definition.objectiveNames(), definition.function(),
                definition.parameterDefaults(), space);
    }

    /**
     * The sampler these settings name ({@link Samplers#DEFAULT} when none), built as {@code nas search} builds
     * it: seeded with the study's seed, holding the fixed parameters, and leaving a baseline trial (one that
     * {@code --baseline} enqueued) out of what it learns from.
     *
     * @param definition the objective's definition (a grid is checked against its search space)
     * @param storage    the study's storage (cmaes's warm-start study is read from it)
     * @return the sampler
     * @throws IllegalArgumentException for an unknown sampler, or options it refuses
     */
    public Sampler createSampler(ObjectiveDefinition definition, Storage storage) {
        return around(createNamedSampler(definition, storage));
    }

    /**
     * A sampler as {@code nas search} runs it: holding the fixed parameters, and leaving a baseline trial out
     * of what it learns from.
     *
     * @param named the sampler, e.g. from {@link #createNamedSampler}
     * @return the sampler around it
     */
    public Sampler around(Sampler named) {
        return new BaselineAwareSampler(fixedParams.isEmpty() ? named : new PartialFixedSampler(fixedParams, named));
    }

    /**
     * The sampler these settings name, without the fixed parameters and the baseline around it.
     *
     * @param definition the objective's definition (a grid is checked against its search space)
     * @param storage    the study's storage (cmaes's warm-start study is read from it)
     * @return the sampler
     * @throws IllegalArgumentException for an unknown sampler, or options it refuses
     */
    public Sampler createNamedSampler(ObjectiveDefinition definition, Storage storage) {
        return Samplers.create(sampler != null ? sampler : Samplers.DEFAULT, samplerOptions, seed,
                searched(definition).searchSpace(), storage);
    }

    /**
     * Checks that a study's remembered settings agree with these: the same objective and, when it remembers
     * them, the same objective options.
     *
     * @param study      the study's name, for the message
     * @param remembered the settings the study remembers
     * @throws IllegalArgumentException naming the difference
     */
    public void checkSameObjective(String study, StudySettings remembered) {
        if (!remembered.objective.equals(objective)) {
            throw new IllegalArgumentException("study '" + study + "' runs objective '" + remembered.objective
                    + "', not '" + objective + "' (omit the objective to resume it, or name a new study)");
        }
        if (!remembered.objectiveOptions.equals(objectiveOptions)) {
            throw new IllegalArgumentException("study '" + study + "' was created with objective options "
                    + remembered.objectiveOptions + ", not " + objectiveOptions + " (omit them to resume)");
        }
    }

    /**
     * Stores these settings in the study's system attributes, those it remembers none of yet (a study keeps
     * the settings it was created with).
     *
     * @param study the study
     */
    public void rememberIn(Study study) {
        Map<String, Object> attrs = study.systemAttrs();
        if (!fixedParams.isEmpty() && !attrs.containsKey(FIXED_PARAMS_ATTR)) {
            study.setSystemAttr(FIXED_PARAMS_ATTR, fixedParams);
        }
        if (!attrs.containsKey(OBJECTIVE_ATTR)) {
            study.setSystemAttr(OBJECTIVE_OPTIONS_ATTR, objectiveOptions);
            study.setSystemAttr(SEED_ATTR, seed);
            if (sampler != null) {
                study.setSystemAttr(SAMPLER_ATTR, sampler);
                study.setSystemAttr(SAMPLER_OPTIONS_ATTR, samplerOptions);
            }
            if (pruner != null) {
                study.setSystemAttr(PRUNER_ATTR, pruner);
                study.setSystemAttr(PRUNER_OPTIONS_ATTR, prunerOptions);
            }
            // The objective's name last: it is what marks a study as remembering its settings (of), so a
            // worker starting at the same moment never reads a study whose options are not stored yet.
            study.setSystemAttr(OBJECTIVE_ATTR, objective);
        }
    }

    private static Map<String, String> copy(Map<String, String> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** A stored map of options as text (values stored as JSON may come back as numbers). */
    private static Map<String, String> text(Object stored) {
        Map<String, String> out = new LinkedHashMap<>();
        if (stored instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }
}
