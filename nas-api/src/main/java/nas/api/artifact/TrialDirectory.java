package nas.api.artifact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The directory of one external-program trial: {@code <workdir>/<study>/trial-00042}, created
 * exclusively so that no trial ever writes into a directory it did not create — not another study's,
 * not an earlier attempt's (a crashed process's trial number is used again), and never through a
 * symbolic link planted where the directory will be.
 */
public final class TrialDirectory {

    private TrialDirectory() {
    }

    /**
     * Creates the trial's directory {@code <workdir>/<study>/trial-NNNNN}. If {@code trial-00042} exists
     * (an earlier attempt of the same number), the next free {@code trial-00042.1}, {@code .2}, ... is
     * created instead.
     *
     * @param workdir     the directory holding every study's directory
     * @param study       the study's name (made safe with {@link #safeName})
     * @param trialNumber the trial's number
     * @return the directory created
     * @throws IOException when a symbolic link stands where the study's or the trial's directory goes
     */
    public static Path create(Path workdir, String study, int trialNumber) throws IOException {
        Path studyDir = workdir.resolve(safeName(study));
        refuseLink(workdir);
        refuseLink(studyDir);
        Files.createDirectories(studyDir);
        String base = String.format(Locale.ROOT, "trial-%05d", trialNumber);
        for (int attempt = 0; ; attempt++) {
            Path dir = studyDir.resolve(attempt == 0 ? base : base + "." + attempt);
            refuseLink(dir);
            try {
                // mkdir(2) fails on any existing entry, a symbolic link included: nothing is followed
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                refuseLink(dir);
            }
        }
    }

    /**
     * A study name as a single path segment: kept as is when it is made of letters, digits, '.', '_'
     * and '-' only (and is not "." or ".."); otherwise its unsafe characters become '_' and a hash of
     * the full name is appended, so two names never share a directory.
     *
     * @param study a study's name
     * @return the directory name of the study
     */
    public static String safeName(String study) {
        String cleaned = study.replaceAll("[^A-Za-z0-9._-]", "_");
        if (cleaned.equals(study) && !study.isEmpty() && !study.equals(".") && !study.equals("..")) {
            return study;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(study.getBytes(StandardCharsets.UTF_8));
            return cleaned.replace('.', '_') + "-" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void refuseLink(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            throw new IOException("refusing to use " + path + ": it is a symbolic link");
        }
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(path + " exists and is not a directory");
        }
    }
}
