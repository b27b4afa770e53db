package org.redress.parsing;

import jakarta.mail.Session;

import java.util.Properties;

/**
 * The jakarta.mail session every parse goes through. Customers' mail programs are sloppy and a complaint must not
 * be lost because its From header is not RFC 5322-perfect, so everything that can be lenient is.
 *
 * <p>Angus Mail 2.0.5 reads {@code mail.mime.decodetext.strict}, {@code mail.mime.decodefilename} and
 * {@code mail.mime.decodeparameters} only as JVM system properties, once, at class initialisation; they are set
 * here as well so the intent is recorded, and the parser decodes file names itself rather than rely on them.
 * {@code mail.mime.address.strict} and {@code mail.mime.allowutf8} are honoured per session; allowutf8 is off so
 * that no header byte is lost (see below).
 */
final class LenientMailSession {

    private LenientMailSession() {
    }

    static Session create() {
        Properties props = new Properties();
        props.setProperty("mail.mime.decodetext.strict", "false");
        props.setProperty("mail.mime.decodeparameters", "true");
        props.setProperty("mail.mime.decodefilename", "true");
        // false on purpose: with true, Angus decodes raw 8-bit header bytes as UTF-8 and turns the windows-1252
        // and ISO-8859-1 headers that old mail programs still send into U+FFFD; with false it hands over the bytes
        // (one char per byte) and HeaderText reads them as UTF-8 when valid, windows-1252 otherwise.
        props.setProperty("mail.mime.allowutf8", "false");
        props.setProperty("mail.mime.address.strict", "false");
        props.setProperty("mail.mime.parameters.strict", "false");
        props.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        props.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        return Session.getInstance(props);
    }
}
