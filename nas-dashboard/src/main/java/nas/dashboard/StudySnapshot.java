package nas.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;

/**
 * One study as the dashboard last read it: every trial in number order with the study's attributes.
 * Immutable; {@link StudyCache} replaces it when the storage changed, and {@code version} grows with
 * every change so that pages know when to redraw.
 *
 * <p>A large study is read in chunks: until the last one arrives the snapshot holds the first trials only
 * (by number) and {@code loadingOf} is the number of trials the storage held when reading began; it is 0 once
 * every trial is in.
 */
public record StudySnapshot(long id, String name, List<StudyDirection> directions, List<FrozenTrial> trials,
                            Map<String, Object> userAttrs, Map<String, Object> systemAttrs, long version, int loadingOf) {

    public StudySnapshot {
        directions = List.copyOf(directions);
        trials = List.copyOf(trials);
    }

    /** Whether only the first trials are in yet (more are being read). */
    public boolean loading() {
        return loadingOf > 0;
    }

    /** Trials in each state (every state present, zero when none). */
    public Map<TrialState, Integer> counts() {
        Map<TrialState, Integer> out = new EnumMap<>(TrialState.class);
        for (TrialState s : TrialState.values()) {
            out.put(s, 0);
        }
        for (FrozenTrial t : trials) {
            out.merge(t.state(), 1, Integer::sum);
        }
        return out;
    }

    /** COMPLETE trials that carry one value per objective, by number. */
    public List<FrozenTrial> complete() {
        List<FrozenTrial> out = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.COMPLETE && t.values().size() == directions.size()) {
                out.add(t);
            }
        }
        return out;
    }

    /** The trial with this number, or null. */
    public FrozenTrial trial(int number) {
        // numbers are 0, 1, 2, ... so the list index is the number unless trials were deleted
        if (number >= 0 && number < trials.size() && trials.get(number).number() == number) {
            return trials.get(number);
        }
        for (FrozenTrial t : trials) {
            if (t.number() == number) {
                return t;
            }
        }
        return null;
    }

    /** The latest start or completion time of any trial, or null for an empty study. */
    public Instant lastActivity() {
        Instant last = null;
        for (FrozenTrial t : trials) {
            last = later(later(last, t.datetimeStart()), t.datetimeComplete());
        }
        return last;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isAfter(a) ? a : b;
    }
}
