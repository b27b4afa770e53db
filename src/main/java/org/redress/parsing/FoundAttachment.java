package org.redress.parsing;

import org.redress.complaint.Attachment;

import java.util.Map;

/**
 * A file the MIME walk found, read only once the walk is over: alternatives are walked speculatively and their
 * text thrown away, and made-up names number files by their final place in the complaint's list.
 */
interface FoundAttachment {

    /** @param position 1-based place in the complaint's attachment list, used in made-up names */
    Attachment read(AttachmentReader reader, int position);

    /** A MIME part holding a file; Tika decides what it is. */
    record File(String filename, byte[] content, String declaredType) implements FoundAttachment {
        @Override
        public Attachment read(AttachmentReader reader, int position) {
            Attachment read = reader.read(filename, content, declaredType);
            if (filename != null) {
                return read;
            }
            return new Attachment(FileNames.synthesized(position, read.mediaType()), read.mediaType(),
                    read.content(), read.extractedText(), read.metadata());
        }
    }

    /**
     * A file larger than the configured limit: named and measured, its bytes not kept (they stay in the register's
     * copy of the mail) and not given to Tika, so one huge file costs neither memory nor minutes of parsing.
     */
    record Withheld(String filename, String declaredType, long size, long limit) implements FoundAttachment {
        @Override
        public Attachment read(AttachmentReader reader, int position) {
            String type = declaredType == null || declaredType.isBlank() ? "application/octet-stream" : declaredType;
            String name = FileNames.clean(filename);
            return Attachment.withheld(name != null ? name : FileNames.synthesized(position, type), type, size,
                    "larger than the " + org.redress.complaint.FileSize.human(limit)
                            + " allowed per file (redress.intake.max-attachment-size)");
        }
    }

    /** A forwarded message kept whole as an .eml; its text was already read by the walk, Tika adds nothing. */
    record ForwardedMessage(String filename, byte[] content, String text) implements FoundAttachment {
        @Override
        public Attachment read(AttachmentReader reader, int position) {
            return new Attachment(filename, "message/rfc822", content, text, Map.of());
        }
    }
}
