package nas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where a server keeps its files: beside an H2 file, or under a name that identifies a database elsewhere. */
class ServerFilesTest {

    @Test
    void anH2FileHasItsServerFilesBesideIt() {
        ServerFiles files = ServerFiles.forDatabase("jdbc:h2:/data/studies");
        assertThat(files.besideDatabaseFile()).isTrue();
        assertThat(files.endpoint()).isEqualTo(Path.of("/data/studies.nas-server"));
        assertThat(files.lock()).isEqualTo(Path.of("/data/studies.nas-server.lock"));
    }

    @Test
    void aPostgresDatabaseIsNamedByHostPortDatabaseUserAndSchemaButNotItsPassword() {
        String name = ServerFiles.remoteName("jdbc:postgresql://db.example:5433/nas?user=ann&currentSchema=s1");
        assertThat(name).startsWith("postgresql-db.example-5433-nas-").doesNotContain("ann");
        // the password and the order of the settings do not matter
        assertThat(ServerFiles.remoteName("jdbc:postgresql://DB.example:5433/nas?currentSchema=s1&password=x&user=ann"))
                .isEqualTo(name);
        // another user, schema, database or port is another database
        assertThat(ServerFiles.remoteName("jdbc:postgresql://db.example:5433/nas?user=bob&currentSchema=s1"))
                .isNotEqualTo(name);
        assertThat(ServerFiles.remoteName("jdbc:postgresql://db.example:5433/nas?user=ann&currentSchema=s2"))
                .isNotEqualTo(name);
        assertThat(ServerFiles.remoteName("jdbc:postgresql://db.example:5433/other?user=ann&currentSchema=s1"))
                .isNotEqualTo(name);
        assertThat(ServerFiles.remoteName("jdbc:postgresql://db.example/nas?user=ann&currentSchema=s1"))
                .isNotEqualTo(name);
    }

    @Test
    void aPostgresServersFilesAreInTheServerDirectory() {
        ServerFiles files = ServerFiles.forDatabase("jdbc:postgresql://127.0.0.1:5432/nas?user=nas");
        assertThat(files.besideDatabaseFile()).isFalse();
        assertThat(files.endpoint().getParent()).isEqualTo(ServerFiles.serverDirectory().toAbsolutePath().normalize());
        assertThat(files.endpoint().getFileName().toString()).startsWith("postgresql-127.0.0.1-5432-nas-")
                .endsWith(".nas-server");
    }
}
