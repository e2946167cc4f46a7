package nas.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code nas --version}: the version of the jar, and the Java running it. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = NasCommand.class.getPackage().getImplementationVersion();
        return new String[] {"nas " + (v == null ? "0.1.0-SNAPSHOT" : v),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
