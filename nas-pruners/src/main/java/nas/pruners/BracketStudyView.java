package nas.pruners;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.StudyView;
import nas.api.TrialState;

/**
 * A study as one Hyperband bracket sees it: only the trials assigned to that bracket; everything
 * else (attributes, seed, writes) goes to the whole study.
 */
final class BracketStudyView implements StudyView {

    private final StudyView study;
    private final HyperbandBrackets brackets;
    private final int bracket;

    BracketStudyView(StudyView study, HyperbandBrackets brackets, int bracket) {
        this.study = study;
        this.brackets = brackets;
        this.bracket = bracket;
    }

    int bracket() {
        return bracket;
    }

    @Override
    public long id() {
        return study.id();
    }

    @Override
    public String name() {
        return study.name();
    }

    @Override
    public List<StudyDirection> directions() {
        return study.directions();
    }

    @Override
    public long seed() {
        return study.seed();
    }

    @Override
    public List<FrozenTrial> trials(TrialState... states) {
        List<FrozenTrial> out = new ArrayList<>();
        for (FrozenTrial t : study.trials(states)) {
            if (brackets.bracketOf(study.name(), t.number()) == bracket) {
                out.add(t);
            }
        }
        return out;
    }

    @Override
    public Map<String, Object> userAttrs() {
        return study.userAttrs();
    }

    @Override
    public Map<String, Object> systemAttrs() {
        return study.systemAttrs();
    }

    @Override
    public void setSystemAttr(String key, Object value) {
        study.setSystemAttr(key, value);
    }

    @Override
    public void stop() {
        study.stop();
    }

    @Override
    public boolean compareAndSetSystemAttr(String key, Object expected, Object value) {
        return study.compareAndSetSystemAttr(key, expected, value);
    }

    @Override
    public void setTrialSystemAttr(long trialId, String key, Object value) {
        study.setTrialSystemAttr(trialId, key, value);
    }

    @Override
    public String toString() {
        return "bracket " + bracket + " of " + study;
    }
}
