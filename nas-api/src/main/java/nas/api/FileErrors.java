package nas.api;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file could not be read or written, in words for a message. The JDK's exceptions about files carry only the
 * path in their message, so "cannot read x.json: " + e.getMessage() reads "cannot read x.json: x.json".
 */
public final class FileErrors {

    private FileErrors() {
    }

    /**
     * The reason {@code e} gives, in words: "no such file or directory", "permission denied", "not UTF-8 text", the
     * file system's own reason, else its message (its type when it has none).
     *
     * @param e a failure to read or write a file
     * @return one line saying why
     */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is a file, not a directory";
        }
        if (e instanceof NotDirectoryException f) {
            return f.getFile() + " is not a directory";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.toString() : m.split("\\r?\\n")[0];
    }
}
