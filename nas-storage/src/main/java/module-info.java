/** Durable storages: H2 files and PostgreSQL behind the {@code nas.api.storage.Storage} contract, and run storage. */
module nas.storage {
    requires transitive nas.api;
    requires transitive java.sql;
    requires com.fasterxml.jackson.databind;
    // JDBC drivers, found by DriverManager; named so the module path holds them
    requires com.h2database;
    requires org.postgresql.jdbc;

    exports nas.storage;
    // Jackson binds the package-private high-water-mark record
    opens nas.storage to com.fasterxml.jackson.databind;
}
