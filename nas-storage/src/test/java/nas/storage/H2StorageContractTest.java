package nas.storage;

import java.nio.file.Path;
import nas.api.storage.Storage;
import nas.api.storage.StorageContractTest;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on a real H2 database file. */
class H2StorageContractTest extends StorageContractTest {

    @TempDir
    Path dir;

    @Override
    protected Storage newStorage() {
        return JdbcStorage.open(dir.resolve("contract").toString());
    }
}
