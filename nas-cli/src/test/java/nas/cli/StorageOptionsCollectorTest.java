package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The auto-started storage server gets the collector choice of the command that starts it, nothing else. */
class StorageOptionsCollectorTest {

    @Test
    void keepsOnlyTheCollectorChoice() {
        List<String> command = List.of("-XX:+UseSerialGC", "-XX:StartFlightRecording=filename=/tmp/x.jfr", "-Xmx2g",
                "-Dfile.encoding=UTF-8", "-XX:-UseG1GC", "-XX:+UseGCOverheadLimit", "-XX:TieredStopAtLevel=1");
        assertThat(StorageOptions.collectorOptions(command)).containsExactly("-XX:+UseSerialGC", "-XX:-UseG1GC");
    }

    @Test
    void nothingChosenNothingPassed() {
        assertThat(StorageOptions.collectorOptions(List.of("-Xmx1g", "-ea"))).isEmpty();
    }
}
