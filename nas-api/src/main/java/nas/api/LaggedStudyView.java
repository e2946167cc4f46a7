package nas.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The study as a lagged trial's sampler sees it: only the trials numbered at most {@code maxNumber}
 * (which have all finished when the sampler is called), so what it proposes does not depend on
 * how far other workers have got.
 */
final class LaggedStudyView extends ForwardingStudyView {

    private final int maxNumber;

    LaggedStudyView(StudyView study, int maxNumber) {
        super(study);
        this.maxNumber = maxNumber;
    }

    @Override
    public List<FrozenTrial> trials(TrialState... states) {
        List<FrozenTrial> out = new ArrayList<>();
        for (FrozenTrial t : delegate().trials(states)) {
            if (t.number() <= maxNumber) {
                out.add(t);
            }
        }
        return out;
    }
}
