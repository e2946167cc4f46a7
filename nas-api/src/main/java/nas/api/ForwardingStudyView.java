package nas.api;

import java.util.List;
import java.util.Map;

/**
 * A {@link StudyView} that hands every call to another one; subclasses override what they change
 * (a pruner's bracket of trials, a trial's own attributes).
 */
public abstract class ForwardingStudyView implements StudyView {

    private final StudyView study;

    /**
     * Forwards every call to {@code study}.
     *
     * @param study the view to forward to
     */
    protected ForwardingStudyView(StudyView study) {
        this.study = java.util.Objects.requireNonNull(study, "study");
    }

    /**
     * The view calls go to.
     *
     * @return the view calls go to
     */
    protected final StudyView delegate() {
        return study;
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
        return study.trials(states);
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
    public boolean compareAndSetSystemAttr(String key, Object expected, Object value) {
        return study.compareAndSetSystemAttr(key, expected, value);
    }

    @Override
    public void setTrialSystemAttr(long trialId, String key, Object value) {
        study.setTrialSystemAttr(trialId, key, value);
    }

    @Override
    public void stop() {
        study.stop();
    }

    @Override
    public void awaitFinished(int upTo) {
        study.awaitFinished(upTo);
    }

    @Override
    public List<FrozenTrial> awaitTrials(int from, int to) {
        return study.awaitTrials(from, to);
    }

    @Override
    public String toString() {
        return study.toString();
    }
}
