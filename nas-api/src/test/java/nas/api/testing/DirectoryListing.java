package nas.api.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** What a directory holds, to assert that a command left it exactly as it was (read-only opens). */
public final class DirectoryListing {

    private DirectoryListing() {
    }

    /**
     * Every file in {@code dir}: its size, modification time and SHA-256, by name; and as "." the directory's
     * modification time, which a file created and deleted again would change.
     */
    public static Map<String, String> of(Path dir) throws IOException, NoSuchAlgorithmException {
        Map<String, String> files = new TreeMap<>();
        files.put(".", Files.getLastModifiedTime(dir).toInstant().toString());
        try (var list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                byte[] bytes = Files.readAllBytes(p);
                files.put(p.getFileName().toString(), bytes.length + " " + Files.getLastModifiedTime(p).toInstant() + " "
                        + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            }
        }
        return files;
    }
}
