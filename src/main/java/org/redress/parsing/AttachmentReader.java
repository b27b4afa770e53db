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
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.redress.complaint.Attachment;
import org.xml.sax.ContentHandler;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns an attached file into something an agent can search: the real media type (a customer's "invoice.pdf" may
 * be a photo of one) and its text. One instance is shared by the application: Tika's parser is thread-safe and
 * costly to build. Photos get metadata only (no OCR: slow, and a human looks at them anyway). A file Tika cannot
 * read is still attached, with whatever text came out before the failure.
 *
 * <p>One attachment must not be able to exhaust memory or CPU: Tika's own guards are set explicitly (a zip bomb is
 * caught by the ratio of text out to bytes in, nested archives and XML by depth limits), the text kept is capped, and
 * each parse runs on a worker thread under a deadline, which the handler enforces on every piece of text and the
 * caller enforces by not waiting longer, so the mail goes on even when a parser hangs without producing anything.
 */
public final class AttachmentReader implements AutoCloseable {

    private static final Map<String, Property> SHOWN_METADATA = shownMetadata();

    /** Text out per byte in above which a container is treated as a zip bomb (Tika's default, stated). */
    private static final long MAX_COMPRESSION_RATIO = 100;
    /** Archives within archives deeper than this are not opened. */
    private static final int MAX_PACKAGE_DEPTH = 5;
    /** XML nesting deeper than this is refused (billion-laughs style documents). */
    private static final int MAX_XML_DEPTH = 100;
    /** Output below this many characters is never judged by the compression ratio. */
    private static final long OUTPUT_THRESHOLD = 1_000_000;

    private static final long SPOOL_TO_DISK_BYTES = 0;

    private static final int MAX_WORKERS = 4;
    private static final AtomicInteger WORKER_NUMBER = new AtomicInteger();

    private final int maxTextChars;
    private final Duration timeout;
    private final AutoDetectParser parser;
    /**
     * At most {@link #MAX_WORKERS} parses at once: a parser that hangs without writing anything keeps its thread, and
     * when every worker is taken the next file is attached without its text rather than waiting or adding a thread.
     */
    private final ExecutorService workers = new ThreadPoolExecutor(0, MAX_WORKERS, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), task -> {
                Thread thread = new Thread(task, "tika-" + WORKER_NUMBER.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    public AttachmentReader(int maxTextChars) {
        this(maxTextChars, Duration.ofSeconds(30));
    }

    /** @param timeout the longest one attachment's text may take; after it the file is attached without its text */
    public AttachmentReader(int maxTextChars, Duration timeout) {
        if (maxTextChars < 0) {
            throw new IllegalArgumentException("maxTextChars must not be negative: " + maxTextChars);
        }
        this.maxTextChars = maxTextChars;
        this.timeout = timeout;
        this.parser = new AutoDetectParser();
        // spooled to a temporary file: Office documents are then opened as zip files, whose entries POI inflates
        // lazily and checks for bombs, instead of being inflated whole into memory from a stream
        parser.setAutoDetectParserConfig(new AutoDetectParserConfig(SPOOL_TO_DISK_BYTES, OUTPUT_THRESHOLD,
                MAX_COMPRESSION_RATIO, MAX_XML_DEPTH, MAX_PACKAGE_DEPTH));
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
        MediaType fromBytes = detect(bytes, metadata);
        MediaType type = orDeclared(fromBytes, bytes, declaredType);
        metadata.set(Metadata.CONTENT_TYPE, type.toString());
        if (!MediaType.OCTET_STREAM.equals(fromBytes)) {
            // the parser would run the same detection again (magic, then opening a zip to look inside): told instead
            metadata.set(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE, fromBytes.toString());
        }
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

    /** The media type a file's bytes say it is, helped by its name; the same detection {@link #read} uses. */
    public String detectType(String filename, byte[] content) {
        Metadata metadata = new Metadata();
        String name = FileNames.clean(filename);
        if (name != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        }
        return detect(content == null ? new byte[0] : content, metadata).toString();
    }

    private MediaType detect(byte[] bytes, Metadata metadata) {
        try (InputStream in = TikaInputStream.get(bytes)) {
            return parser.getDetector().detect(in, metadata).getBaseType();
        } catch (IOException | RuntimeException undetectable) {
            return MediaType.OCTET_STREAM;
        }
    }

    /** The mail's claim, when the bytes say nothing more specific than application/octet-stream. */
    private static MediaType orDeclared(MediaType detected, byte[] bytes, String declaredType) {
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
        long deadline = System.nanoTime() + timeout.toNanos();
        ContentHandler handler = new DeadlineHandler(image ? new DefaultHandler() : text, deadline);
        // the worker fills a metadata of its own, copied over only once it is done: after a timeout it may still write
        Metadata working = new Metadata();
        for (String name : metadata.names()) {
            working.set(name, metadata.get(name));
        }
        Future<?> parse;
        try {
            parse = workers.submit(() -> {
                try (InputStream in = TikaInputStream.get(bytes)) {
                    parser.parse(in, handler, working, parseContext());
                }
                return null;
            });
        } catch (RejectedExecutionException busy) {
            shown.put("text-extraction-skipped", "every text reader is busy with other files");
            return "";
        }
        try {
            parse.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            copy(working, metadata);
        } catch (TimeoutException hung) {
            parse.cancel(true);
            shown.put("text-extraction-stopped", "after " + timeout.toSeconds() + " s (redress.intake.attachment-text-timeout)");
            return "";
        } catch (InterruptedException interrupted) {
            parse.cancel(true);
            Thread.currentThread().interrupt();
            return "";
        } catch (ExecutionException failed) {
            copy(working, metadata);
            Throwable failure = failed.getCause();
            if (WriteLimitReachedException.isWriteLimitReached(failure)) {
                shown.put("text-truncated-at", Integer.toString(maxTextChars));
            } else if (DeadlineHandler.isDeadline(failure)) {
                shown.put("text-extraction-stopped", "after " + timeout.toSeconds() + " s (redress.intake.attachment-text-timeout)");
            } else {
                shown.put("text-extraction-failed", describe(failure));
            }
        }
        return text == null ? "" : TextCleanup.clean(text.toString());
    }

    private static void copy(Metadata from, Metadata to) {
        for (String name : from.names()) {
            to.remove(name);
            for (String value : from.getValues(name)) {
                to.add(name, value);
            }
        }
    }

    /** Stops the text readers; one still stuck in a parse is interrupted and left to end on its own. */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    private static ParseContext parseContext() {
        ParseContext context = new ParseContext();
        TesseractOCRConfig noOcr = new TesseractOCRConfig();
        noOcr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, noOcr);
        // Word and PowerPoint files read as a stream of XML events rather than a document tree: a .docx that
        // inflates to 200 MB otherwise builds a tree of that size before the first character reaches the text cap
        OfficeParserConfig office = new OfficeParserConfig();
        office.setUseSAXDocxExtractor(true);
        office.setUseSAXPptxExtractor(true);
        context.set(OfficeParserConfig.class, office);
        return context;
    }

    private static String describe(Throwable failure) {
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
