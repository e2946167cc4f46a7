/** NEAT: genomes, speciation, networks, and learning on data sets. */
module nas.neat {
    requires transitive nas.api;
    requires java.desktop; // decision-boundary pictures

    exports nas.neat;
    exports nas.neat.data;
    exports nas.neat.learn;
    exports nas.neat.objective;

    provides nas.api.objective.ObjectivePlugin with nas.neat.objective.NeatClassifyPlugin;
}
