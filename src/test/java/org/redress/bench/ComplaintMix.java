package org.redress.bench;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.UnsupportedEncodingException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

/**
 * The mail a benchmark phase delivers: a realistic, reproducible mix (same seed, same bytes) of complaints in
 * French, Italian, English, German and Spanish — plain text, HTML only, text plus HTML, about 40 % with a PDF
 * invoice, a Word letter or a PNG photo — and replies to earlier acknowledgements, some in the thread
 * ({@code In-Reply-To} the acknowledgement), some naming the ticket key in the subject only. Each mail has its own
 * Message-ID and its own sender, so no two complaints continue each other and every acknowledgement can be matched
 * to its complaint by {@code In-Reply-To}. French mail goes to {@code reclamations@}, Italian to {@code reclami@},
 * the rest to {@code complaints@}, as the shipped configuration's inboxes expect.
 */
final class ComplaintMix {
    static final String RECLAMATIONS = "reclamations@lumiere.example";
    static final String RECLAMI = "reclami@lumiere.example";
    static final String COMPLAINTS = "complaints@lumiere.example";

    /** What a mail is, which decides what the benchmark waits for: an acknowledgement, or a comment on a ticket. */
    enum Kind {
        PLAIN, HTML, ALTERNATIVE, PDF, DOCX, PNG, REPLY_IN_THREAD, REPLY_BY_KEY, BIG_PDF;

        boolean isReply() {
            return this == REPLY_IN_THREAD || this == REPLY_BY_KEY;
        }
    }

    /**
     * One mail as delivered. {@code token} (replies only) is a tracking number in the reply's new words, looked for
     * in the ticket's comments; {@code ticketKey} is the ticket a reply continues.
     */
    record BenchMail(String phase, int seq, Kind kind, String language, String messageId, String from,
                     String fromName, String to, byte[] raw, String token, String ticketKey) {
        boolean isReply() {
            return kind.isReply();
        }
    }

    /** A ticket opened before the measured mail, whose acknowledgement the measured replies answer. */
    record SeedTicket(BenchMail complaint, String ticketKey, String ackMessageId, String ackSubject, String ackFrom,
                      String ackText) {
    }

    private static final Map<String, String> QUOTE_HEADERS = Map.of(
            "fr", "Le lun. 23 nov. 2026 à 10:12, Service clients <%s> a écrit :",
            "it", "Il giorno lun 23 nov 2026 alle ore 10:12 Servizio clienti <%s> ha scritto:",
            "en", "On Mon, 23 Nov 2026 at 10:12, Customer Care <%s> wrote:",
            "de", "Am Mo., 23. Nov. 2026 um 10:12 Uhr schrieb Kundenservice <%s>:",
            "es", "El lun, 23 nov 2026 a las 10:12, Atención al cliente (<%s>) escribió:");
    private static final int POOL = 6;

    private final long seed;
    private final String runId;
    private final double attachmentShare;
    private final double replyShare;
    private final Session session = Session.getInstance(new Properties());
    private final Map<String, List<byte[]>> pools = new HashMap<>();

    ComplaintMix(long seed, String runId, double attachmentShare, double replyShare) {
        this.seed = seed;
        this.runId = runId;
        this.attachmentShare = attachmentShare;
        this.replyShare = replyShare;
    }

    /** {@code count} new complaints (no replies), in the mix's proportions, in a shuffled but fixed order. */
    List<BenchMail> complaints(String phase, int count) {
        return mix(phase, count, List.of(), 0);
    }

    /**
     * {@code count} mails, of which {@code replyShare} are replies to the seed tickets (none without seeds): half
     * in the acknowledgement's thread, half naming the key in the subject.
     */
    List<BenchMail> withReplies(String phase, int count, List<SeedTicket> seeds) {
        return mix(phase, count, seeds, seeds.isEmpty() ? 0 : (int) Math.round(count * replyShare));
    }

    /** How many seed tickets {@link #withReplies} should have for {@code count} mails: each answered twice. */
    int seedsFor(int count) {
        return Math.max(2, (int) Math.ceil(Math.round(count * replyShare) / 2.0));
    }

    private List<BenchMail> mix(String phase, int count, List<SeedTicket> seeds, int replies) {
        Random random = new Random(seed ^ phase.hashCode());
        List<Kind> kinds = new ArrayList<>();
        int fresh = count - replies;
        int withFile = (int) Math.round(fresh * attachmentShare);
        for (int i = 0; i < withFile; i++) {
            kinds.add(List.of(Kind.PDF, Kind.DOCX, Kind.PNG).get(i % 3));
        }
        // of the mails without a file: half plain text, a third HTML only, the rest text and HTML together
        int without = fresh - withFile;
        for (int i = 0; i < without; i++) {
            kinds.add(i % 6 < 3 ? Kind.PLAIN : i % 6 < 5 ? Kind.HTML : Kind.ALTERNATIVE);
        }
        for (int i = 0; i < replies; i++) {
            kinds.add(i % 2 == 0 ? Kind.REPLY_IN_THREAD : Kind.REPLY_BY_KEY);
        }
        Collections.shuffle(kinds, random);
        List<BenchMail> mails = new ArrayList<>(count);
        int replyIndex = 0;
        for (int seq = 0; seq < kinds.size(); seq++) {
            Kind kind = kinds.get(seq);
            if (kind.isReply()) {
                SeedTicket ticket = seeds.get(replyIndex++ % seeds.size());
                mails.add(reply(phase, seq, kind, ticket));
            } else {
                String language = ComplaintTexts.LANGUAGES.get(seq % ComplaintTexts.LANGUAGES.size());
                mails.add(complaint(phase, seq, kind, language, random, null));
            }
        }
        return mails;
    }

    /** A complaint carrying a scanned PDF of about {@code fileBytes} bytes (made once, shared by the big mails). */
    BenchMail big(String phase, int seq, byte[] scannedPdf) {
        Random random = new Random(seed ^ phase.hashCode() ^ seq);
        String language = ComplaintTexts.LANGUAGES.get(seq % ComplaintTexts.LANGUAGES.size());
        return complaint(phase, seq, Kind.BIG_PDF, language, random, scannedPdf);
    }

    /** The scanned PDF the big-attachment phase sends, in the words of an English invoice. */
    byte[] scannedPdf(int bytes) {
        return SampleFiles.scannedPdf(List.of("LUMIERE MAISON - SCANNED DELIVERY NOTE", "Order LM-2026-990001",
                "Signed on delivery: the parcel was damaged (photo below)."), bytes, seed);
    }

    private BenchMail complaint(String phase, int seq, Kind kind, String language, Random random, byte[] bigFile) {
        ComplaintTexts.Language words = ComplaintTexts.BY_CODE.get(language);
        String name = words.names().get(random.nextInt(words.names().size()));
        String product = words.products().get(random.nextInt(words.products().size()));
        String order = String.format(Locale.ROOT, "LM-2026-%06d", random.nextInt(1_000_000));
        int cents = 1_990 + random.nextInt(60_000);
        String amount = String.format(Locale.ROOT, words.currencyFormat(), cents / 100, cents % 100);
        ComplaintTexts.Template template = words.complaints().get(random.nextInt(words.complaints().size()));
        String subject = capitalize(fill(template.subject(), name, order, amount, product));
        String body = fill(template.body(), name, order, amount, product);
        String address = address(name, phase, seq);
        String to = inboxFor(language);
        String messageId = messageId(phase, seq, address);
        try {
            MimeMessage message = newMessage(messageId, name, address, to, subject);
            switch (kind) {
                case PLAIN -> message.setText(body, "UTF-8");
                case HTML -> message.setContent(html(body), "text/html; charset=UTF-8");
                case ALTERNATIVE -> message.setContent(alternative(body));
                case PDF -> message.setContent(withFile(body, random.nextBoolean(), pooled("pdf", language, random),
                        "facture-" + order + ".pdf", SampleFiles.PDF));
                case DOCX -> message.setContent(withFile(body, random.nextBoolean(), pooled("docx", language, random),
                        "reclamation-" + order + ".docx", SampleFiles.DOCX));
                case PNG -> message.setContent(withFile(body, random.nextBoolean(), pooled("png", language, random),
                        String.format(Locale.ROOT, "IMG_2026111%d_%06d.png", seq % 10, random.nextInt(1_000_000)),
                        SampleFiles.PNG));
                case BIG_PDF -> message.setContent(withFile(body, false, bigFile, "scan-" + order + ".pdf",
                        SampleFiles.PDF));
                default -> throw new IllegalArgumentException(kind.toString());
            }
            return new BenchMail(phase, seq, kind, language, messageId, address, name, to, bytes(message), null, null);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private BenchMail reply(String phase, int seq, Kind kind, SeedTicket ticket) {
        BenchMail original = ticket.complaint();
        ComplaintTexts.Language words = ComplaintTexts.BY_CODE.get(original.language());
        String token = String.format(Locale.ROOT, "TRK%s%05d", runId, seq);
        String messageId = messageId(phase, seq, original.from());
        try {
            MimeMessage message;
            if (kind == Kind.REPLY_IN_THREAD) {
                String text = words.replyWords().replace("{token}", token).replace("{name}", original.fromName())
                        + "\n\n" + String.format(QUOTE_HEADERS.get(original.language()), ticket.ackFrom()) + "\n\n> "
                        + ticket.ackText().strip().replace("\n", "\n> ") + "\n";
                message = newMessage(messageId, original.fromName(), original.from(), ticket.ackFrom(),
                        "Re: " + ticket.ackSubject());
                message.setText(text, "UTF-8");
                message.setHeader("In-Reply-To", ticket.ackMessageId());
                message.setHeader("References", original.messageId() + " " + ticket.ackMessageId());
            } else {
                message = newMessage(messageId, original.fromName(), original.from(), ticket.ackFrom(),
                        words.keySubject().replace("{key}", ticket.ticketKey()));
                message.setText(words.keyWords().replace("{token}", token).replace("{name}", original.fromName()),
                        "UTF-8");
            }
            return new BenchMail(phase, seq, kind, original.language(), messageId, original.from(),
                    original.fromName(), ticket.ackFrom(), bytes(message), token, ticket.ticketKey());
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String inboxFor(String language) {
        return switch (language) {
            case "fr" -> RECLAMATIONS;
            case "it" -> RECLAMI;
            default -> COMPLAINTS;
        };
    }

    /** {@code amelie.girard.sat-0042@example.org}: unique per phase and mail, readable in the Jira sandbox. */
    private static String address(String name, String phase, int seq) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("ß", "ss").toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".");
        String[] domains = {"example.org", "example.com", "example.net"};
        return ascii + "." + phase + "-" + String.format(Locale.ROOT, "%05d", seq) + "@" + domains[seq % 3];
    }

    private String messageId(String phase, int seq, String address) {
        return "<bench." + runId + "." + phase + "." + seq + address.substring(address.indexOf('@')) + ">";
    }

    private MimeMessage newMessage(String messageId, String name, String address, String to, String subject)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(address, name, "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("User-Agent", "Redress benchmark");
        return message;
    }

    private static byte[] bytes(MimeMessage message) throws MessagingException {
        message.saveChanges();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            message.writeTo(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new MessagingException("cannot write the mail", e);
        }
    }

    private static MimeMultipart alternative(String body) throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body, "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(html(body), "text/html; charset=UTF-8");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        return alternative;
    }

    private static MimeMultipart withFile(String body, boolean asHtml, byte[] file, String filename, String type)
            throws MessagingException {
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        if (asHtml) {
            text.setContent(html(body), "text/html; charset=UTF-8");
        } else {
            text.setText(body, "UTF-8");
        }
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(file, type)));
        attachment.setFileName(filename);
        attachment.setDisposition(Part.ATTACHMENT);
        mixed.addBodyPart(text);
        mixed.addBodyPart(attachment);
        return mixed;
    }

    /** The body as a webmail's HTML: paragraphs, line breaks, a styled wrapper and a signature block. */
    static String html(String body) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
                + "<div dir=\"ltr\" style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222\">");
        String[] paragraphs = body.split("\n\n");
        for (int i = 0; i < paragraphs.length; i++) {
            String escaped = paragraphs[i].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    .replace("\n", "<br>");
            html.append(i == paragraphs.length - 1 ? "<div class=\"signature\" style=\"color:#555\">" : "<p>")
                    .append(escaped).append(i == paragraphs.length - 1 ? "</div>" : "</p>");
        }
        return html.append("</div></body></html>").toString();
    }

    /** A few files per type and language, made once: each mail takes one, so 2,000 mails need not make 800 files. */
    private synchronized byte[] pooled(String type, String language, Random random) {
        List<byte[]> pool = pools.computeIfAbsent(type + "/" + language, key -> {
            Random files = new Random(seed ^ key.hashCode());
            ComplaintTexts.Language words = ComplaintTexts.BY_CODE.get(language);
            List<byte[]> made = new ArrayList<>();
            for (int i = 0; i < POOL; i++) {
                String name = words.names().get(i % words.names().size());
                String product = words.products().get(i % words.products().size());
                String order = String.format(Locale.ROOT, "LM-2026-%06d", files.nextInt(1_000_000));
                int cents = 1_990 + files.nextInt(60_000);
                String amount = String.format(Locale.ROOT, words.currencyFormat(), cents / 100, cents % 100);
                made.add(switch (type) {
                    case "pdf" -> SampleFiles.invoicePdf(List.of("LUMIERE MAISON", words.invoiceWord() + " " + order,
                            words.customerWord() + ": " + name, "", "1 x " + product + "    " + amount,
                            "Livraison / Delivery    0,00", "", words.totalWord() + ": " + amount));
                    case "docx" -> SampleFiles.letterDocx(words.letterTitle() + " " + order,
                            List.of(fill(words.complaints().get(i % words.complaints().size()).body(), name, order,
                                    amount, product).split("\n\n")));
                    default -> SampleFiles.photoPng(product + " - " + order, files.nextLong());
                });
            }
            return made;
        });
        return pool.get(random.nextInt(pool.size()));
    }

    private static String fill(String text, String name, String order, String amount, String product) {
        return text.replace("{name}", name).replace("{order}", order).replace("{amount}", amount)
                .replace("{product}", product);
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
