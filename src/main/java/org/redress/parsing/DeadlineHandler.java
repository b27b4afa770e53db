package org.redress.parsing;

import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Stops a Tika parse once its time is up, at the next piece of text or element it produces: parsers do not answer
 * thread interrupts, but every one of them writes to its handler.
 */
final class DeadlineHandler extends ContentHandlerDecorator {
    private static final String MESSAGE = "attachment text deadline passed";

    private final long deadlineNanos;

    DeadlineHandler(ContentHandler handler, long deadlineNanos) {
        super(handler);
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        check();
        super.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        check();
        super.ignorableWhitespace(ch, start, length);
    }

    @Override
    public void startElement(String uri, String localName, String name, Attributes atts) throws SAXException {
        check();
        super.startElement(uri, localName, name, atts);
    }

    static boolean isDeadline(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SAXException && MESSAGE.equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private void check() throws SAXException {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new SAXException(MESSAGE);
        }
    }
}
