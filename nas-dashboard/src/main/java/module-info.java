/**
 * The web dashboard: pages and JSON API mounted on a JDK HttpServer over a Storage (its studies and, in a database,
 * its evolution runs), and static reports.
 */
module nas.dashboard {
    requires transitive nas.api;
    requires transitive jdk.httpserver;
    requires nas.analysis;
    requires transitive nas.sim; // StoredRuns reads configurations and genomes
    requires transitive nas.storage; // the run pages read RunStore
    requires com.fasterxml.jackson.databind;
    requires echarts; // the ECharts WebJar: resources only, read from META-INF/resources

    exports nas.dashboard;
}
