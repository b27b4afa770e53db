package org.redress.sandbox.jira;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The sandbox's files in its data directory: {@code state.json} plus one file per attachment.
 * Every write goes to a temporary file first and is then moved into place, so a crash or a kill
 * during the demo leaves either the old or the new state, never a torn file.
 */
final class SandboxStateFile {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path dir;
    private final Path stateFile;
    private final Path attachmentDir;

    SandboxStateFile(Path dir) {
        this.dir = dir;
        this.stateFile = dir.resolve("state.json");
        this.attachmentDir = dir.resolve("attachments");
    }

    /** The saved state, or a fresh one when the directory holds none yet. */
    SandboxState load() throws IOException {
        Files.createDirectories(attachmentDir);
        if (!Files.exists(stateFile)) {
            return new SandboxState();
        }
        return MAPPER.readValue(stateFile.toFile(), SandboxState.class);
    }

    void save(SandboxState state) {
        try {
            writeAtomically(stateFile, MAPPER.writeValueAsBytes(state));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save Jira sandbox state in " + dir, e);
        }
    }

    void writeAttachment(long id, byte[] content) {
        try {
            writeAtomically(attachmentFile(id), content);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save attachment " + id + " in " + attachmentDir, e);
        }
    }

    byte[] readAttachment(long id) {
        try {
            return Files.readAllBytes(attachmentFile(id));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read attachment " + id + " from " + attachmentDir, e);
        }
    }

    private Path attachmentFile(long id) {
        return attachmentDir.resolve(id + ".bin");
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
