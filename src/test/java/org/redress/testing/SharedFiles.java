package org.redress.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The project's shared test material (../shared, or -Dredress.shared.dir), used by path and never copied into the
 * project. A checkout without it skips the tests that need it, with a message saying where it was looked for.
 */
public final class SharedFiles {
    private SharedFiles() {
    }

    public static Path dir(String sub) {
        Path dir = Path.of(System.getProperty("redress.shared.dir", "../shared")).resolve(sub);
        Assumptions.assumeTrue(Files.isDirectory(dir), () -> "skipped: " + dir.toAbsolutePath()
                + " is absent (the shared test material lives beside the project checkout)");
        return dir;
    }

    /** Every file below a shared folder with the given ending, sorted by path. */
    public static List<Path> files(String sub, String ending) {
        try (Stream<Path> walk = Files.walk(dir(sub))) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(ending)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One of the ten sample complaints, by file name. */
    public static byte[] sample(String fileName) {
        return read(dir("samples").resolve(fileName));
    }

    /** Every message of the corpus (or one of its subfolders), sorted; licences and notes left out. */
    public static List<Path> corpus(String subfolder) {
        return files(subfolder.isEmpty() ? "corpus" : "corpus/" + subfolder, "").stream()
                .filter(p -> p.toString().endsWith(".eml") || p.toString().endsWith(".raw")).toList();
    }

    /** A corpus message's path below corpus/, as messages name it. */
    public static String corpusName(Path file) {
        return dir("corpus").relativize(file).toString();
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
