package org.redress.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * The files customers attach, made in code so the benchmark needs no sample files and every run sends the same
 * bytes: an invoice as PDF (PDFBox), a letter as DOCX (POI XWPF), a photo as PNG (ImageIO) — the libraries Tika
 * itself parses them with, so they are on the test classpath already. The big PDF is a "scan": one page of text and
 * an incompressible image, so its size is really carried through the gateway, as a customer's 25 MB scan is.
 */
final class SampleFiles {
    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String PNG = "image/png";

    private SampleFiles() {
    }

    /** A one-page invoice: the lines a PDF text extractor finds, in the customer's language. */
    static byte[] invoicePdf(List<String> lines) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                writeLines(content, lines, 760);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A scanned document of about {@code bytes} bytes: a page of text and a photo of random pixels, which no
     * compression shrinks. Stays under the Jira sandbox's 25 MiB per-file limit when asked for 25,000,000 bytes.
     */
    static byte[] scannedPdf(List<String> lines, int bytes, long seed) {
        int side = (int) Math.sqrt(Math.max(1, bytes - 20_000) / 3.0);
        BufferedImage noise = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                noise.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream(bytes + 65_536)) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDImageXObject image = LosslessFactory.createFromImage(document, noise);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                writeLines(content, lines, 800);
                content.drawImage(image, 50, 60, 495, 495);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A short letter as Word writes it (.docx): a title and paragraphs. */
    static byte[] letterDocx(String title, List<String> paragraphs) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFRun heading = document.createParagraph().createRun();
            heading.setBold(true);
            heading.setFontSize(14);
            heading.setText(title);
            for (String text : paragraphs) {
                XWPFParagraph paragraph = document.createParagraph();
                paragraph.createRun().setText(text);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A photo of the damage, as a phone would send it scaled down: 640 × 480 with gradients, shapes, a caption and
     * sensor noise (so it does not compress to nothing; about 0.4–0.6 MB).
     */
    static byte[] photoPng(String caption, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xffffff)), 640, 480,
                new Color(random.nextInt(0xffffff))));
        g.fillRect(0, 0, 640, 480);
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillRoundRect(random.nextInt(560), random.nextInt(400), 40 + random.nextInt(200), 30 + random.nextInt(150),
                    20, 20);
        }
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        g.drawString(caption, 20, 460);
        g.dispose();
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                int rgb = image.getRGB(x, y);
                int n = random.nextInt(17) - 8;
                int r = clamp(((rgb >> 16) & 0xff) + n);
                int gr = clamp(((rgb >> 8) & 0xff) + n);
                int b = clamp((rgb & 0xff) + n);
                image.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeLines(PDPageContentStream content, List<String> lines, float top) throws IOException {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        content.setLeading(15);
        content.newLineAtOffset(50, top);
        for (String line : lines) {
            content.showText(line);
            content.newLine();
        }
        content.endText();
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
