/** Parameter importance (fANOVA, MDI, PED-ANOVA, Morris) and Pareto-front analysis. */
module nas.analysis {
    requires transitive nas.api;
    requires transitive nas.samplers;
    requires commons.math3; // automatic module: commons-math3 3.6.1 has no Automatic-Module-Name
    requires smile.core;
    requires smile.base;
    // Smile logs through SLF4J; as an automatic module it cannot require it, so the module that uses Smile does
    // (slf4j-jdk14, the provider, comes in through service binding)
    requires org.slf4j;

    exports nas.analysis.importance;
    exports nas.analysis.pareto;
}
