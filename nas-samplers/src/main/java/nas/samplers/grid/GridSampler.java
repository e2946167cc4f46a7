package nas.samplers.grid;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import nas.api.FrozenTrial;
import nas.api.StudyView;
import nas.api.TrialState;
import nas.api.distribution.Distribution;
import nas.api.distribution.Distributions;
import nas.api.sampler.Sampler;

/**
 * Grid search: every combination of the given values once, in an order shuffled by the seed,
 * then the study stops.
 *
 * <p>When a trial starts the sampler picks its grid point: walking the seeded order from position
 * {@code trial number mod size}, the first point that no other trial holds (complete, pruned,
 * running or waiting; a failed trial's point is free again) and that it can claim with a
 * compare-and-set of the study system attribute {@code grid:claim:<id>}. So concurrent workers,
 * threads or processes, never repeat a point while another is free, and a sequential study
 * visits the points exactly in the seeded order. The id is kept in the trial's system attribute
 * {@value #GRID_ID}. Once every point is taken, {@link #afterTrial} (or a trial that found no
 * free point) stops the study through {@link StudyView#stop()}; a trial started in that race
 * repeats a point, with a warning.
 *
 * <p>Every parameter the objective suggests must be in the grid, with a value its distribution
 * contains.
 */
public final class GridSampler implements Sampler {

    /** Trial system attribute holding the grid point id. */
    public static final String GRID_ID = "grid_id";
    static final String CLAIM_PREFIX = "grid:claim:";

    private static final Logger LOG = Logger.getLogger(GridSampler.class.getName());

    private final GridSpace grid;
    private final Long seed;

    /** A grid visited in an order derived from the study's seed. */
    public GridSampler(Map<String, List<Object>> grid) {
        this(grid, (Long) null);
    }

    /** A grid visited in an order derived from {@code seed}. */
    public GridSampler(Map<String, List<Object>> grid, long seed) {
        this(grid, (Long) seed);
    }

    private GridSampler(Map<String, List<Object>> grid, Long seed) {
        this.grid = new GridSpace(grid);
        this.seed = seed;
    }

    /**
     * The grid this sampler walks: its parameters, values and visiting order.
     *
     * @return the grid
     */
    public GridSpace grid() {
        return grid;
    }

    @Override
    public void beforeTrial(StudyView study, FrozenTrial trial) {
        if (trial.systemAttrs().get(GRID_ID) instanceof Number) {
            return; // resumed or re-run trial keeps its point
        }
        int[] order = grid.order(seed != null ? seed : study.seed());
        List<FrozenTrial> trials = study.trials();
        Map<Integer, TrialState> stateOf = new HashMap<>();
        Set<Integer> taken = new HashSet<>();
        for (FrozenTrial t : trials) {
            stateOf.put(t.number(), t.state());
            if (t.number() != trial.number() && t.state() != TrialState.FAIL && t.systemAttrs().get(GRID_ID) instanceof Number n) {
                taken.add(n.intValue());
            }
        }
        Map<String, Object> attrs = study.systemAttrs();
        int n = order.length;
        int start = Math.floorMod(trial.number(), n);
        for (int k = 0; k < n; k++) {
            int id = order[(start + k) % n];
            if (taken.contains(id)) {
                continue;
            }
            String key = CLAIM_PREFIX + id;
            Object claim = attrs.get(key);
            if (claim instanceof Number c && c.intValue() != trial.number()) {
                TrialState s = stateOf.get(c.intValue());
                if (s != TrialState.FAIL) {
                    continue; // a live trial holds it, perhaps one started after our snapshot
                }
            }
            if (study.compareAndSetSystemAttr(key, claim, trial.number())) {
                study.setTrialSystemAttr(trial.id(), GRID_ID, id);
                return;
            }
        }
        int id = order[start];
        LOG.log(Level.WARNING, "every point of the grid of study ''{0}'' is taken; trial {1} repeats point {2}",
                new Object[] {study.name(), trial.number(), grid.point(id)});
        study.setTrialSystemAttr(trial.id(), GRID_ID, id);
        study.stop();
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        if (!grid.contains(name)) {
            throw new IllegalArgumentException("parameter '" + name + "' is not in the grid; grid parameters: " + grid.names());
        }
        if (!(trial.systemAttrs().get(GRID_ID) instanceof Number id)) {
            throw new IllegalStateException("trial " + trial.number() + " has no grid point; was it started by another sampler?");
        }
        Object value = grid.value(id.intValue(), name);
        double internal;
        try {
            internal = distribution.toInternal(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("grid value " + value + " of '" + name + "' does not fit " + distribution
                    + ": " + e.getMessage(), e);
        }
        if (!distribution.contains(internal)) {
            throw new IllegalArgumentException("grid value " + value + " of '" + name + "' lies outside "
                    + Distributions.describe(distribution));
        }
        return internal;
    }

    @Override
    public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
        Set<Integer> done = new HashSet<>();
        for (FrozenTrial t : study.trials(TrialState.COMPLETE, TrialState.PRUNED, TrialState.RUNNING)) {
            if (t.number() != trial.number() && t.systemAttrs().get(GRID_ID) instanceof Number n) {
                done.add(n.intValue());
            }
        }
        if (state != TrialState.FAIL && trial.systemAttrs().get(GRID_ID) instanceof Number n) {
            done.add(n.intValue());
        }
        if (done.size() >= grid.size()) {
            study.stop();
        }
    }
}
