/**
 * The samplers: TPE, CMA-ES, GP, NSGA-II, QMC, grid, Morris, auto and partial-fixed. Each package holds one
 * sampler's API; its helpers are package-private.
 */
module nas.samplers {
    requires transitive nas.api;
    requires nas.pruners;
    requires commons.math3; // automatic module: commons-math3 3.6.1 has no Automatic-Module-Name
    requires com.fasterxml.jackson.databind;

    exports nas.samplers;
    exports nas.samplers.cmaes;
    exports nas.samplers.gp;
    exports nas.samplers.grid;
    exports nas.samplers.morris;
    exports nas.samplers.nsga2;
    exports nas.samplers.pareto;
    exports nas.samplers.qmc;
    exports nas.samplers.tpe;
}
