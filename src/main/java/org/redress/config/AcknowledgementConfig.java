package org.redress.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the acknowledgement promises.
 *
 * @param firstResponse how soon an agent answers; the templates turn it into "within 24 hours" in each language
 * @param templatesDir  the Freemarker templates integrators edit
 */
public record AcknowledgementConfig(Duration firstResponse, Path templatesDir) {
}
