package nas.storage;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;

/** The run store on an H2 file. */
class H2RunStoreTest extends RunStoreContractTest {

    @TempDir
    Path dir;

    @Override
    protected RunStore open(Consumer<AutoCloseable> closeWith) {
        JdbcStorage s = JdbcStorage.open("jdbc:h2:" + dir.resolve("runs"));
        closeWith.accept(s);
        return s.runs();
    }
}
