package nas.cli;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** Command lines that run a main class of this program in a new JVM: this JVM's java and its class or module path. */
final class ThisJava {

    private ThisJava() {
    }

    /** {@code java OPTIONS (-cp PATH | --module-path PATH --module M/)MAIN} for this program's {@code main}. */
    static List<String> command(List<String> jvmOptions, Class<?> main) {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        Module module = main.getModule();
        if (module.isNamed()) {
            command.addAll(List.of("--module-path", System.getProperty("jdk.module.path"),
                    "--module", module.getName() + "/" + main.getName()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        }
        return command;
    }
}
