/**
 * The runnable examples and benchmarks. Written as user code: they reach NAS only through the packages the
 * modules export (the one exception, {@code nas.api.json} for a benchmark's HTTP replies, is a qualified
 * export).
 */
module nas.examples {
    requires nas.api;
    requires nas.storage;
    requires nas.server;
    requires nas.samplers;
    requires nas.pruners;
    requires nas.analysis;
    requires nas.neat;
    requires nas.sim;
    requires nas.ga;
    requires nas.dashboard;
    requires java.desktop;
    requires java.net.http;
    requires java.sql;
    requires jdk.management;
}
