package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nas.api.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directions are written one way everywhere: lower-case words, a JSON array in JSON. */
class DirectionsOutputTest {

    @TempDir
    Path dir;

    @Test
    void directionsAreLowerCaseWordsAndAJsonArray() {
        String db = dir.resolve("db").toString();
        assertThat(CliRunner.run("search", "--study", "mo", "--objective", "zdt1", "--n-trials", "5", "--storage", db,
                "--quiet", "--directions", "minimize", "maximize").exitCode()).isZero();
        List<?> studies = (List<?>) Json.read(CliRunner.run("studies", "--format", "json", "--storage", db).out());
        assertThat(((Map<?, ?>) studies.get(0)).get("directions")).isEqualTo(List.of("minimize", "maximize"));
        assertThat(CliRunner.run("studies", "--format", "csv", "--storage", db).out()).contains("mo,minimize maximize,");
        assertThat(CliRunner.run("studies", "--storage", db).out()).contains("minimize maximize");
        assertThat(CliRunner.run("best", "--study", "mo", "--storage", db).out())
                .contains("directions [minimize, maximize]").doesNotContain("MINIMIZE");
    }
}
