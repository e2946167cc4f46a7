package nas.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nas.api.testing.JavadocCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nas-api is the library users program against: its Javadoc builds without errors, and every public type,
 * constructor, method and constant has a comment (doclint's "no comment"). Missing {@code @param} and
 * {@code @return} tags are allowed where the sentence says it all.
 */
class JavadocTest {

    @TempDir
    Path out;

    @Test
    void everyPublicTypeAndMemberOfTheApiIsDocumented() throws Exception {
        assertThat(JavadocCheck.undocumented(out)).isEmpty();
    }
}
