package org.redress.parsing;

/**
 * Names, once for the whole JVM, the implementations that two factory lookups would otherwise find by a
 * ServiceLoader scan of every jar on the class path, repeated at every call. Each name is the one the scan ends
 * with on Redress's class path, so nothing changes but the cost; a name the JVM was started with is kept.
 * <ul>
 *   <li>Jakarta Mail's stream provider, looked up each time a mail's headers are read or written: a third of the
 *       gateway's CPU per complaint when it was measured, and half of what the sandbox's mail server spent taking in
 *       acknowledgements;</li>
 *   <li>the SAX parser factory, which XMLBeans asks for anew for every XML part of an Office file Tika reads (1.6 %
 *       of the gateway's samples at saturation). No jar here offers one, so the scan ends with the JDK's own.</li>
 * </ul>
 */
public final class ProviderLookups {
    static final String MAIL_STREAMS = "org.eclipse.angus.mail.util.MailStreamProvider";
    static final String SAX_PARSERS = "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl";

    private ProviderLookups() {
    }

    public static void skipClassPathScans() {
        System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider", MAIL_STREAMS);
        System.getProperties().putIfAbsent("javax.xml.parsers.SAXParserFactory", SAX_PARSERS);
    }
}
