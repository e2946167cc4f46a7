package nas.cli.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import nas.cli.readme.ReadmeBlocks.Block;
import nas.cli.readme.ReadmeBlocks.Kind;
import org.junit.jupiter.api.Test;

class ReadmeBlocksTest {

    @Test
    void scriptsTranscriptsAndSkippedBlocksAreToldApart() {
        String md = String.join("\n",
                "# T", "", "```sh", "./nas studies", "```", "",
                "<!-- readme-test: skip needs a database host -->", "```bash", "./nas search --storage jdbc:x", "```",
                "```text", "$ ./nas best --study demo", "best trial 3", "```",
                "```text", "sample output", "```",
                "```java", "Study s;", "```", "");
        List<Block> blocks = ReadmeBlocks.parse(md);
        assertThat(blocks).extracting(Block::kind)
                .containsExactly(Kind.SCRIPT, Kind.SKIPPED, Kind.TRANSCRIPT, Kind.SKIPPED, Kind.SKIPPED);
        assertThat(blocks).extracting(Block::line).containsExactly(3, 8, 11, 15, 18);
        assertThat(blocks.get(0).text()).isEqualTo("./nas studies\n");
        assertThat(blocks.get(1).skipReason()).isEqualTo("needs a database host");
    }

    @Test
    void aSkipMarkerNeedsAReasonAndAppliesToTheNextBlockOnly() {
        assertThatThrownBy(() -> ReadmeBlocks.parse("<!-- readme-test: skip -->\n```sh\nls\n```\n"))
                .hasMessageContaining("needs a reason");
        List<Block> blocks = ReadmeBlocks.parse("<!-- readme-test: skip slow -->\nsome words\n```sh\nls\n```\n");
        assertThat(blocks).extracting(Block::kind).containsExactly(Kind.SCRIPT);
    }

    @Test
    void transcriptsMatchLinesWithEllipses() {
        var steps = ReadmeBlocks.steps("$ a\nx\n...\nz\n$ b\ny...\n");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).command()).isEqualTo("a");
        assertThat(ReadmeBlocks.matches(steps.get(0).expected(), List.of("x", "z"))).isTrue();
        assertThat(ReadmeBlocks.matches(steps.get(0).expected(), List.of("x", "1", "2", "z"))).isTrue();
        assertThat(ReadmeBlocks.matches(steps.get(0).expected(), List.of("x", "1", "z", "extra"))).isFalse();
        assertThat(ReadmeBlocks.matches(steps.get(0).expected(), List.of("w", "z"))).isFalse();
        assertThat(ReadmeBlocks.matches(steps.get(1).expected(), List.of("y = 3"))).isTrue();
        assertThat(ReadmeBlocks.matches(steps.get(1).expected(), List.of("x = 3"))).isFalse();
    }

    @Test
    void budgetsAreLoweredToTheirCapsAndNeverRaised() {
        assertThat(ReadmeBudget.capped("./nas search --n-trials 5000 --seed 1 --n-trials=20"))
                .isEqualTo("./nas search --n-trials 200 --seed 1 --n-trials=20");
        assertThat(ReadmeBudget.capped("./nas search --generations 30 -O population-size=300 --seeds 2 \\\n"
                + "    --n-trials 100"))
                .isEqualTo("./nas search --generations 2 -O population-size=40 --seeds 1 \\\n    --n-trials 100");
        assertThat(ReadmeBudget.capped("./nas benchmark sim -c hybrid_baseline -p 500 -g 10 | head -2"))
                .isEqualTo("./nas benchmark sim -c hybrid_baseline -p 40 -g 2 | head -2");
        assertThat(ReadmeBudget.capped("./nas run --config x -O generations=50 --set population_size=90"))
                .isEqualTo("./nas run --config x -O generations=2 --set population_size=40");
    }

    @Test
    void studiesNoTranscriptShowsRunFiftyTrialsAndTheShownOnesTheUsualCap() {
        assertThat(ReadmeBudget.study("./nas best --study demo")).contains("demo@./nas-studies");
        assertThat(ReadmeBudget.study("./nas search --study demo --storage ./studies --n-trials 5")).contains("demo@./studies");
        assertThat(ReadmeBudget.study("./nas configs")).isEmpty();
        Set<String> shown = Set.of("demo@./nas-studies");
        String script = String.join("\n",
                "./nas search --study demo --objective sphere --n-trials 500 --seed 1",
                "./nas search --study demo --objective sphere --n-trials 500 --storage ./studies &",
                "./nas search --study lab --objective evolution-lab --generations 30 \\",
                "    --pruner median --n-trials 100",
                "./nas search --study small --n-trials 20",
                "./nas search --objective sphere --n-trials 500");
        assertThat(ReadmeBudget.capped(script, shown)).isEqualTo(String.join("\n",
                "./nas search --study demo --objective sphere --n-trials 200 --seed 1",
                "./nas search --study demo --objective sphere --n-trials 50 --storage ./studies &",
                "./nas search --study lab --objective evolution-lab --generations 2 \\",
                "    --pruner median --n-trials 50",
                "./nas search --study small --n-trials 20",
                "./nas search --objective sphere --n-trials 200"));
    }

    @Test
    void theReadmeAndTheDocsParse() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> documents = ReadmeBlocks.documents(root);
        assertThat(documents.get(0)).isEqualTo(root.resolve("README.md"));
        assertThat(documents).contains(root.resolve("docs/benchmarks.md"), root.resolve("docs/storage.md"));
        List<Block> blocks = ReadmeBlocks.parse(Files.readString(documents.get(0)));
        assertThat(blocks).filteredOn(b -> b.kind() == Kind.SCRIPT).hasSizeGreaterThan(5);
        assertThat(blocks).filteredOn(b -> b.kind() == Kind.TRANSCRIPT).isNotEmpty();
        for (Path document : documents.subList(1, documents.size())) {
            assertThat(ReadmeBlocks.parse(Files.readString(document))).as(document.toString())
                    .allSatisfy(b -> assertThat(b.line()).isPositive());
        }
    }
}
