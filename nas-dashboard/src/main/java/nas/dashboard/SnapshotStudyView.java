package nas.dashboard;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.StudyView;
import nas.api.TrialState;

/** A read-only {@link StudyView} over a snapshot, for the analyses of nas-analysis. */
final class SnapshotStudyView implements StudyView {

    private final StudySnapshot snapshot;

    SnapshotStudyView(StudySnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public long id() {
        return snapshot.id();
    }

    @Override
    public String name() {
        return snapshot.name();
    }

    @Override
    public List<StudyDirection> directions() {
        return snapshot.directions();
    }

    @Override
    public long seed() {
        return 0;
    }

    @Override
    public List<FrozenTrial> trials(TrialState... states) {
        if (states.length == 0) {
            return snapshot.trials();
        }
        Set<TrialState> wanted = EnumSet.of(states[0], states);
        return snapshot.trials().stream().filter(t -> wanted.contains(t.state())).toList();
    }

    @Override
    public Map<String, Object> userAttrs() {
        return snapshot.userAttrs();
    }

    @Override
    public Map<String, Object> systemAttrs() {
        return snapshot.systemAttrs();
    }

    @Override
    public void setSystemAttr(String key, Object value) {
        throw new UnsupportedOperationException("the dashboard reads studies; it does not write them");
    }

    @Override
    public boolean compareAndSetSystemAttr(String key, Object expected, Object value) {
        throw new UnsupportedOperationException("the dashboard reads studies; it does not write them");
    }

    @Override
    public void setTrialSystemAttr(long trialId, String key, Object value) {
        throw new UnsupportedOperationException("the dashboard reads studies; it does not write them");
    }
}
