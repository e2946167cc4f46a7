package nas.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nas.api.testing.JavadocCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java users open storages and read evolution runs with these types (JdbcStorage, RunStore and its records, ...):
 * every public type, constructor, method and constant has a comment (doclint's "no comment"), as in nas-api; the
 * Javadoc builds without errors.
 */
class JavadocTest {

    @TempDir
    Path out;

    @Test
    void everyPublicTypeAndMemberIsDocumented() throws Exception {
        assertThat(JavadocCheck.undocumented(out)).isEmpty();
    }
}
