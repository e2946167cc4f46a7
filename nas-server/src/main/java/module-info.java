/** The storage server (HTTP + JSON on the JDK's server) and the remote storage that talks to it. */
module nas.server {
    requires transitive nas.api;
    requires transitive nas.storage;
    requires transitive jdk.httpserver;
    requires com.fasterxml.jackson.databind;

    exports nas.server;
}
