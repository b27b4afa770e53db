package org.redress.parsing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's shared test mail (../shared, or -Dredress.shared.dir). A fresh clone has no ../shared, so tests
 * that need it are skipped with a message rather than failed.
 */
public final class SharedMaterial {

    private SharedMaterial() {
    }

    public static Path dir() {
        Path dir = Path.of(System.getProperty("redress.shared.dir", "../shared"));
        Assumptions.assumeTrue(Files.isDirectory(dir.resolve("samples")),
                "shared test material not found at " + dir.toAbsolutePath()
                        + " (set -Dredress.shared.dir); skipping tests that read sample mail");
        return dir;
    }

    public static byte[] sample(String fileName) {
        return read(dir().resolve("samples").resolve(fileName));
    }

    /** Every message file under corpus/ (or one of its subfolders), sorted, licences left out. */
    public static List<Path> corpus(String subfolder) {
        Path root = dir().resolve("corpus").resolve(subfolder);
        Assumptions.assumeTrue(Files.isDirectory(root), "corpus folder not found: " + root.toAbsolutePath());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".eml") || p.toString().endsWith(".raw"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path relative to corpus/, for messages that name the file. */
    public static String name(Path file) {
        return dir().resolve("corpus").relativize(file).toString();
    }
}
