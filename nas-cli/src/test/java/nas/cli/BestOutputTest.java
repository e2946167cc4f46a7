package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import nas.api.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nas best} and {@code nas tell} show numbers as the tables do; csv and json keep every digit. */
class BestOutputTest {

    /** One parameter with one choice: its value is known before the trial is asked. */
    private static final String SPACE = "{\"lr\": {\"name\": \"CategoricalDistribution\", \"attributes\": "
            + "{\"choices\": [1.23456789E-4]}}, \"width\": {\"name\": \"IntDistribution\", \"attributes\": "
            + "{\"low\": 64, \"high\": 64}}}";

    @TempDir
    Path dir;

    private CliRunner.Result nas(String... args) {
        CliRunner.Result r = CliRunner.runOn("jdbc:h2:" + dir.resolve("db").toAbsolutePath(), args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    @Test
    void theTableShowsSixSignificantDigitsWithoutExponentsCsvAndJsonEveryDigit() {
        nas("ask", "--study", "e", "--search-space", SPACE);
        assertThat(nas("tell", "--study", "e", "--trial-number", "0", "--values", "7.31e-4").out())
                .isEqualTo("trial 0 of study 'e': COMPLETE [0.000731]\n");
        assertThat(nas("best", "--study", "e").out()).isEqualTo("best trial 0 of study 'e' (minimize): value 0.000731\n"
                + "  lr = 0.000123457\n  width = 64\n");
        assertThat(nas("best", "--study", "e", "--format", "csv").out().lines()).element(1).asString()
                .startsWith("0,COMPLETE,7.31E-4,").endsWith(",1.23456789E-4,64");
        Map<?, ?> json = (Map<?, ?>) Json.read(nas("best", "--study", "e", "--format", "json").out());
        assertThat(json.get("values")).asList().containsExactly(7.31e-4);
        assertThat(((Map<?, ?>) json.get("params")).get("lr")).isEqualTo(1.23456789e-4);

        // large and many-digit values: 6 significant digits, trailing zeros cut, whole numbers without ".0"
        nas("ask", "--study", "big", "--search-space", SPACE, "--directions", "maximize");
        nas("tell", "--study", "big", "--trial-number", "0", "--values", "123456.789012");
        nas("ask", "--study", "big", "--search-space", SPACE);
        nas("tell", "--study", "big", "--trial-number", "1", "--values", "2.5");
        assertThat(nas("best", "--study", "big").out()).startsWith("best trial 0 of study 'big' (maximize): value 123457\n");
        nas("ask", "--study", "whole", "--search-space", SPACE);
        nas("tell", "--study", "whole", "--trial-number", "0", "--values", "5");
        assertThat(nas("best", "--study", "whole").out()).startsWith("best trial 0 of study 'whole' (minimize): value 5\n");
    }
}
