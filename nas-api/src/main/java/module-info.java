/**
 * The NAS core: studies, trials, distributions, the sampler, pruner and storage contracts, objectives and
 * their plugins.
 *
 * <p>Every package is API except {@code nas.api.json}, the project's one Jackson configuration, which the
 * other NAS modules share and users do not need (they bring their own JSON library).
 */
module nas.api {
    requires transitive java.logging;
    requires java.management;
    requires jdk.management;
    requires com.fasterxml.jackson.databind;

    exports nas.api;
    exports nas.api.artifact;
    exports nas.api.benchmark;
    exports nas.api.distribution;
    exports nas.api.exception;
    exports nas.api.export;
    exports nas.api.objective;
    exports nas.api.objective.external;
    exports nas.api.objective.functions;
    exports nas.api.pruner;
    exports nas.api.sampler;
    exports nas.api.storage;
    exports nas.api.transfer;
    // internal: the shared JSON configuration, for the sibling modules only
    exports nas.api.json to nas.storage, nas.server, nas.samplers, nas.analysis, nas.sim, nas.dashboard, nas.cli,
            nas.examples;

    uses nas.api.objective.ObjectivePlugin;
    provides nas.api.objective.ObjectivePlugin with
            nas.api.objective.functions.TestFunctionPlugin.Sphere,
            nas.api.objective.functions.TestFunctionPlugin.Rosenbrock,
            nas.api.objective.functions.TestFunctionPlugin.Rastrigin,
            nas.api.objective.functions.TestFunctionPlugin.Ellipsoid,
            nas.api.objective.functions.TestFunctionPlugin.Zdt1,
            nas.api.objective.functions.TestFunctionPlugin.Zdt2,
            nas.api.objective.functions.TestFunctionPlugin.Zdt3,
            nas.api.objective.functions.TestFunctionPlugin.Dtlz2,
            nas.api.objective.external.ExternalProgramPlugin;
}
