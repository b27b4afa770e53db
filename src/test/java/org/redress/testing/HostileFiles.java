package org.redress.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Files built to hurt a parser, made on the fly (nothing hostile is stored in the repository): archives that inflate
 * a thousandfold, archives nested in archives, a Word document whose XML inflates to hundreds of megabytes, XML
 * entity expansion.
 */
public final class HostileFiles {
    private HostileFiles() {
    }

    /** A zip holding one text file of {@code inflatedMegabytes} MB of the same letter. */
    public static byte[] zipBomb(int inflatedMegabytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("statement.txt"));
            repeat(zip, (byte) 'a', inflatedMegabytes);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A gzip of {@code inflatedMegabytes} MB of the same letter. */
    public static byte[] gzipBomb(int inflatedMegabytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            repeat(gzip, (byte) 'b', inflatedMegabytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Zips within zips, {@code depth} levels, each level holding its inner zip {@code copies} times. */
    public static byte[] nestedZips(int depth, int copies) {
        byte[] inner = "the innermost file".getBytes(StandardCharsets.US_ASCII);
        String innerName = "file.txt";
        for (int level = 0; level < depth; level++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (int i = 0; i < copies; i++) {
                    zip.putNextEntry(new ZipEntry(i + "-" + innerName));
                    zip.write(inner);
                    zip.closeEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            inner = bytes.toByteArray();
            innerName = "level" + level + ".zip";
        }
        return inner;
    }

    /** A .docx whose word/document.xml inflates to {@code inflatedMegabytes} MB of paragraphs. */
    public static byte[] docxBomb(int inflatedMegabytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas"
                    + ".openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\""
                    + "application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
                    + "ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\""
                    + "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://"
                    + "schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                    + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                    + "Target=\"word/document.xml\"/></Relationships>");
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats"
                    + ".org/wordprocessingml/2006/main\"><w:body>").getBytes(StandardCharsets.UTF_8));
            byte[] paragraph = "<w:p><w:r><w:t>refund refund refund refund</w:t></w:r></w:p>"
                    .getBytes(StandardCharsets.UTF_8);
            long target = (long) inflatedMegabytes << 20;
            for (long written = 0; written < target; written += paragraph.length) {
                zip.write(paragraph);
            }
            zip.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The "billion laughs" entity expansion. */
    public static byte[] billionLaughs() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        xml.append(" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            xml.append(" <!ENTITY lol").append(i).append(" \"");
            xml.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        xml.append("]>\n<lolz>&lol9;</lolz>\n");
        return xml.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code megabytes} MB of pseudo-random bytes: incompressible, like a photo or a video. */
    public static byte[] noise(int megabytes) {
        byte[] bytes = new byte[megabytes << 20];
        new java.util.Random(megabytes).nextBytes(bytes);
        return bytes;
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void repeat(OutputStream out, byte letter, int megabytes) throws IOException {
        byte[] block = new byte[1 << 20];
        java.util.Arrays.fill(block, letter);
        for (int i = 0; i < megabytes; i++) {
            out.write(block);
        }
    }
}
