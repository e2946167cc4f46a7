/**
 * The {@code nas} command line. An application, not a library: it exports nothing. It opens its commands to
 * picocli (options are private fields) and to Jackson (rows written as JSON).
 */
module nas.cli {
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
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires java.sql;
    requires jdk.management;
    requires jdk.unsupported; // sun.misc.Signal for SIGTERM handling

    opens nas.cli to info.picocli, com.fasterxml.jackson.databind;
}
