/** Parameter importance (fANOVA, MDI, PED-ANOVA, Morris) and Pareto-front analysis. */
module nas.analysis {
    requires transitive nas.api;
    requires transitive nas.samplers;
    requires commons.math3; // automatic module: commons-math3 3.6.1 has no Automatic-Module-Name
    requires smile.core;
    requires smile.base;

    exports nas.analysis.importance;
    exports nas.analysis.pareto;
}
