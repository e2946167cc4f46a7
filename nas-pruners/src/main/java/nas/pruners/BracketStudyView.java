package nas.pruners;

import java.util.ArrayList;
import java.util.List;
import nas.api.ForwardingStudyView;
import nas.api.FrozenTrial;
import nas.api.StudyView;
import nas.api.TrialState;

/**
 * A study as one Hyperband bracket sees it: only the trials assigned to that bracket; everything
 * else (attributes, seed, writes) goes to the whole study.
 */
final class BracketStudyView extends ForwardingStudyView {

    private final HyperbandBrackets brackets;
    private final int bracket;

    BracketStudyView(StudyView study, HyperbandBrackets brackets, int bracket) {
        super(study);
        this.brackets = brackets;
        this.bracket = bracket;
    }

    int bracket() {
        return bracket;
    }

    @Override
    public List<FrozenTrial> trials(TrialState... states) {
        List<FrozenTrial> out = new ArrayList<>();
        for (FrozenTrial t : delegate().trials(states)) {
            if (brackets.bracketOf(delegate().name(), t.number()) == bracket) {
                out.add(t);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "bracket " + bracket + " of " + delegate();
    }
}
