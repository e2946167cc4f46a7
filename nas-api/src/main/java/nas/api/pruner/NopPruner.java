package nas.api.pruner;

import nas.api.FrozenTrial;
import nas.api.StudyView;

/** Never prunes. The default pruner, and the only one a multi-objective study accepts. */
public final class NopPruner implements Pruner {

    @Override
    public boolean prune(StudyView study, FrozenTrial trial) {
        return false;
    }
}
