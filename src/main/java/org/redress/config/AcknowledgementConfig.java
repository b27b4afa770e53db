package org.redress.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the acknowledgement promises.
 *
 * @param firstResponse how soon an agent answers; the templates turn it into "within 24 hours" in each language
 * @param templatesDir  the Freemarker templates integrators edit
 * @param maxPerSenderPerHour automatic answers (acknowledgements, "reply received") one address gets per hour at
 *                      most, so that an auto-responder that slips through screening ends the exchange; 0: no cap
 */
public record AcknowledgementConfig(Duration firstResponse, Path templatesDir, int maxPerSenderPerHour) {
}
