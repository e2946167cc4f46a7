package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GaCommandTest {

    @Test
    void aRunPrintsItsGenerationsAndAProgressLine() {
        CliRunner.Result r = CliRunner.run("ga", "--task", "memorize", "--points", "16", "--inputs", "8", "--hidden", "8",
                "-P", "2", "-C", "8", "--generations", "12", "--every", "5", "--threads", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("memorize 16 points, MLP 8-8-10 (162 parameters), P 2, C 8")
                .containsPattern("\\[ga\\] generation 11 \\| 12/12 done \\| best loss [0-9.]+ \\| memorised [0-9]+/16");
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("generation  evaluations  best_fitness").endsWith("norm_b1");
        // rows for generations 0, 5, 10 and the last, 11; evaluations 8, then 9 per generation
        assertThat(lines).hasSize(2 + 4);
        assertThat(lines.get(5)).containsPattern("^\\s*11\\s+107\\s");
        assertThat(lines.get(1)).as("no interference in generation 0, no rates without self-adaptation")
                .doesNotContain("NaN");
    }

    @Test
    void csvListsEveryGenerationAndTheRunIsReproducible() {
        String[] args = {"ga", "--task", "regression", "--points", "32", "--hidden", "6", "-P", "3", "-C", "9",
            "--scheme", "self-adaptive", "--evaluations", "100", "--format", "csv", "--seed", "5"};
        CliRunner.Result a = CliRunner.run(args);
        assertThat(a.exitCode()).as(a.err()).isZero();
        List<String> lines = a.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("generation,evaluations,best_fitness,mean_fitness,best_loss,memorised,"
                + "interference,rate_mean,rate_var,norm_w0,norm_b0,norm_w1,norm_b1");
        assertThat(lines).hasSize(1 + 10); // 9 + 10·(9 + 1) = 99 <= 100
        assertThat(CliRunner.run(args).out()).isEqualTo(a.out());
    }

    @Test
    void adamBaselineMemorises() {
        CliRunner.Result r = CliRunner.run("ga", "--optimizer", "adam", "--points", "32", "--inputs", "16", "--hidden",
                "32", "--epochs", "120", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"epoch\":120").containsPattern("\"epoch\":120,\"loss\":[0-9.eE-]+,\"memorised\":32");
    }

    @Test
    void badOptionsExitTwoWithOneLine() {
        for (String[] args : List.of(new String[] {"ga", "--scheme", "adaptive"},
                new String[] {"ga", "--sigma", "0"},
                new String[] {"ga", "--task", "cifar"},
                new String[] {"ga", "-P", "40", "-C", "8"},
                new String[] {"ga", "--hidden", "8,,2"},
                new String[] {"ga", "--generations", "5", "--evaluations", "100"},
                new String[] {"ga", "--optimizer", "sgd"})) {
            CliRunner.Result r = CliRunner.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).startsWith("nas: ");
        }
    }
}
