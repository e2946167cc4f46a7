package nas.pruners;

import nas.api.pruner.NopPruner;
import nas.api.pruner.Pruner;
import org.junit.jupiter.api.Nested;

/** The pruner contract, run for every pruner. */
class AllPrunersContractTest {

    @Nested
    class Nop extends PrunerContractTest {
        @Override
        protected Pruner pruner() {
            return new NopPruner();
        }
    }

    @Nested
    class Median extends PrunerContractTest {
        @Override
        protected Pruner pruner() {
            return MedianPruner.defaults();
        }
    }

    @Nested
    class Percentile extends PrunerContractTest {
        @Override
        protected Pruner pruner() {
            return PercentilePruner.of(25).withWarmupSteps(3).withIntervalSteps(2);
        }
    }

    @Nested
    class SuccessiveHalving extends PrunerContractTest {
        @Override
        protected Pruner pruner() {
            return SuccessiveHalvingPruner.defaults();
        }
    }

    @Nested
    class SuccessiveHalvingExplicit extends PrunerContractTest {
        @Override
        protected Pruner pruner() {
            return new SuccessiveHalvingPruner(2, 3, 0, 2);
        }
    }

    @Nested
    class Wilcoxon extends PrunerContractTest {
        @Override
        protected Pruner pruner() {
            return WilcoxonPruner.defaults();
        }
    }

    @Nested
    class Hyperband extends PrunerContractTest {
        @Override
        protected Pruner pruner() {
            return HyperbandPruner.defaults();
        }
    }

    @Nested
    class Threshold extends PrunerContractTest {
        @Override
        protected Pruner pruner() {
            return ThresholdPruner.upper(0.6).withWarmupSteps(5);
        }
    }

    @Nested
    class Patient extends PrunerContractTest {
        @Override
        protected Pruner pruner() {
            return new PatientPruner(MedianPruner.defaults(), 3, 0.001);
        }
    }
}
