package org.redress.parsing;

import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TIFF;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.redress.complaint.Attachment;
import org.xml.sax.ContentHandler;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns an attached file into something an agent can search: the real media type (a customer's "invoice.pdf" may
 * be a photo of one) and its text. One instance is shared by the application: Tika's parser is thread-safe and
 * costly to build. Photos get metadata only (no OCR: slow, and a human looks at them anyway). A file Tika cannot
 * read is still attached, with whatever text came out before the failure.
 */
public final class AttachmentReader {

    private static final Map<String, Property> SHOWN_METADATA = shownMetadata();

    private final int maxTextChars;
    private final AutoDetectParser parser;

    public AttachmentReader(int maxTextChars) {
        if (maxTextChars < 0) {
            throw new IllegalArgumentException("maxTextChars must not be negative: " + maxTextChars);
        }
        this.maxTextChars = maxTextChars;
        this.parser = new AutoDetectParser();
    }

    /**
     * @param filename     the decoded name from the mail, or null/blank when it had none ("attachment.ext" is used)
     * @param content      the decoded bytes
     * @param declaredType the Content-Type the mail claimed; consulted only when the bytes say nothing more specific
     *                     than application/octet-stream
     */
    public Attachment read(String filename, byte[] content, String declaredType) {
        byte[] bytes = content == null ? new byte[0] : content;
        String name = FileNames.clean(filename);
        Metadata metadata = new Metadata();
        if (name != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        }
        MediaType type = detect(bytes, metadata, declaredType);
        metadata.set(Metadata.CONTENT_TYPE, type.toString());
        Map<String, String> shown = new LinkedHashMap<>();
        String text = extract(bytes, type, metadata, shown);
        SHOWN_METADATA.forEach((label, property) -> {
            String value = metadata.get(property);
            if (value != null && !value.isBlank()) {
                shown.putIfAbsent(label, value.strip());
            }
        });
        String finalName = name != null ? name : "attachment" + FileNames.extension(type.toString());
        return new Attachment(finalName, type.toString(), bytes, text, shown);
    }

    private MediaType detect(byte[] bytes, Metadata metadata, String declaredType) {
        MediaType detected;
        try (InputStream in = TikaInputStream.get(bytes)) {
            detected = parser.getDetector().detect(in, metadata).getBaseType();
        } catch (IOException | RuntimeException undetectable) {
            detected = MediaType.OCTET_STREAM;
        }
        if (MediaType.OCTET_STREAM.equals(detected) && bytes.length > 0) {
            MediaType declared = declaredType == null ? null : MediaType.parse(declaredType);
            if (declared != null && !declared.getBaseType().equals(MediaType.OCTET_STREAM)) {
                return declared.getBaseType();
            }
        }
        return detected;
    }

    private String extract(byte[] bytes, MediaType type, Metadata metadata, Map<String, String> shown) {
        if (bytes.length == 0) {
            return "";
        }
        boolean image = type.getType().equals("image");
        BodyContentHandler text = image ? null : new BodyContentHandler(maxTextChars);
        ContentHandler handler = image ? new DefaultHandler() : text;
        try (InputStream in = TikaInputStream.get(bytes)) {
            parser.parse(in, handler, metadata, parseContext());
        } catch (Exception failure) {
            if (WriteLimitReachedException.isWriteLimitReached(failure)) {
                shown.put("text-truncated-at", Integer.toString(maxTextChars));
            } else {
                shown.put("text-extraction-failed", describe(failure));
            }
        }
        return text == null ? "" : TextCleanup.clean(text.toString());
    }

    private static ParseContext parseContext() {
        ParseContext context = new ParseContext();
        TesseractOCRConfig noOcr = new TesseractOCRConfig();
        noOcr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, noOcr);
        return context;
    }

    private static String describe(Exception failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        String described = root.getClass().getSimpleName() + message;
        return described.length() > 200 ? described.substring(0, 200) : described;
    }

    private static Map<String, Property> shownMetadata() {
        Map<String, Property> shown = new LinkedHashMap<>();
        shown.put("author", TikaCoreProperties.CREATOR);
        shown.put("title", TikaCoreProperties.TITLE);
        shown.put("created", TikaCoreProperties.CREATED);
        shown.put("pages", PagedText.N_PAGES);
        shown.put("width", TIFF.IMAGE_WIDTH);
        shown.put("height", TIFF.IMAGE_LENGTH);
        return Collections.unmodifiableMap(shown);
    }
}
