package org.redress.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** The project's shared test material (../shared), used by path and never copied into the project. */
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
}
