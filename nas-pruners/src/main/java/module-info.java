/** The pruners: median, percentile, successive halving, Hyperband, threshold, patient and Wilcoxon. */
module nas.pruners {
    requires transitive nas.api;
    requires commons.math3; // automatic module: commons-math3 3.6.1 has no Automatic-Module-Name

    exports nas.pruners;
    // nas.pruners.curve is the learning-curve objective, reached only as a plugin

    provides nas.api.objective.ObjectivePlugin with nas.pruners.curve.CurvePlugin;
}
