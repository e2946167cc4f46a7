/** The web dashboard: pages and JSON API mounted on a JDK HttpServer over a Storage, and static reports. */
module nas.dashboard {
    requires transitive nas.api;
    requires transitive jdk.httpserver;
    requires nas.analysis;
    requires nas.sim;
    requires com.fasterxml.jackson.databind;
    requires echarts; // the ECharts WebJar: resources only, read from META-INF/resources

    exports nas.dashboard;
}
