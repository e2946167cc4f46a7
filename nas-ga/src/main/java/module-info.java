/** Genetic algorithms on bit strings and permutations, with their plots. */
module nas.ga {
    requires transitive nas.api;
    requires java.desktop; // plots

    exports nas.ga;
    exports nas.ga.plot;
    // nas.ga.objective is the memorize objective, reached only as a plugin

    provides nas.api.objective.ObjectivePlugin with nas.ga.objective.GaMemorizePlugin;
}
