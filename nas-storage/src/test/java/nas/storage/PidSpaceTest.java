package nas.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which pid space a process's pid belongs to, read from a /proc: its pid namespace and the kernel's boot; none when
 * that /proc cannot tell, or numbers processes otherwise than the process does (it was mounted for another pid
 * namespace). A stored owner's host name and pid space are read back from its host column.
 */
class PidSpaceTest {

    private static final String BOOT = "341da852-006a-4aba-a5e5-234b1df782ae";

    @TempDir
    Path proc;

    @Test
    void aProcOfThisPidNamespaceGivesItsNamespaceAndBoot() throws Exception {
        fakeProc("1234", "pid:[4026532175]", BOOT + "\n");
        assertThat(RunLiveness.pidSpace(proc, 1234)).isEqualTo("pid:[4026532175]@" + BOOT);
    }

    @Test
    void aProcMountedForAnotherPidNamespaceOrUnreadableGivesNone() throws Exception {
        fakeProc("1234", "pid:[4026532175]", BOOT + "\n");
        // this process is pid 7 in its namespace, but the /proc shows it as 1234: its pids are another namespace's
        assertThat(RunLiveness.pidSpace(proc, 7)).isNull();
        assertThat(RunLiveness.pidSpace(proc.resolve("absent"), 1234)).isNull();
        Files.delete(proc.resolve("sys/kernel/random/boot_id"));
        assertThat(RunLiveness.pidSpace(proc, 1234)).isNull();
        Files.writeString(proc.resolve("sys/kernel/random/boot_id"), "not a boot id\n");
        assertThat(RunLiveness.pidSpace(proc, 1234)).isNull();
    }

    @Test
    void theRealProcGivesThisProcessesPidSpace() throws Exception {
        String namespace = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
        String boot = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim();
        assertThat(RunLiveness.PID_SPACE).isEqualTo(namespace + "@" + boot)
                .isEqualTo(RunLiveness.pidSpace(Path.of("/proc"), ProcessHandle.current().pid()));
        assertThat(RunLiveness.WHERE).isEqualTo(RunLiveness.HOST + " " + namespace + "@" + boot);
    }

    @Test
    void anOwnersHostColumnGivesItsHostNameAndPidSpace() {
        RunStore.Owner recorded = new RunStore.Owner("host-a pid:[4026532175]@" + BOOT, 42, 1);
        assertThat(recorded.hostName()).isEqualTo("host-a");
        assertThat(recorded.pidSpace()).contains("pid:[4026532175]@" + BOOT);
        assertThat(recorded.describe()).isEqualTo("pid 42 on host-a");
        // a lease written before pid spaces were recorded: the host alone
        RunStore.Owner old = new RunStore.Owner("host-a", 42, 1);
        assertThat(old.hostName()).isEqualTo("host-a");
        assertThat(old.pidSpace()).isEmpty();
        // a host name with spaces and no pid space stays whole
        RunStore.Owner spaced = new RunStore.Owner("my host pid:[12]", 42, 1);
        assertThat(spaced.hostName()).isEqualTo("my host pid:[12]");
        assertThat(spaced.pidSpace()).isEmpty();
    }

    private void fakeProc(String self, String namespace, String bootId) throws Exception {
        Files.createDirectories(proc.resolve(self + "/ns"));
        Files.createSymbolicLink(proc.resolve("self"), Path.of(self));
        Files.createSymbolicLink(proc.resolve(self + "/ns/pid"), Path.of(namespace));
        Files.createDirectories(proc.resolve("sys/kernel/random"));
        Files.writeString(proc.resolve("sys/kernel/random/boot_id"), bootId);
    }
}
