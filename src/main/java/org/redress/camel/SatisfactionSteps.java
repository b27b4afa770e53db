package org.redress.camel;

import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.support.DefaultHeaderFilterStrategy;
import org.redress.satisfaction.SatisfactionPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /csat/{token}?score=N}: the customer's click on a score link, answered with a small page in their
 * language. The link carries a token, so the page is never cached, indexed or passed on as a referrer.
 */
public final class SatisfactionSteps {
    private static final Logger LOG = LoggerFactory.getLogger(SatisfactionSteps.class);

    private final SatisfactionPages pages;

    public SatisfactionSteps(SatisfactionPages pages) {
        this.pages = pages;
    }

    /**
     * The page's header policy: HTTP's default strategy drops Cache-Control on the way out, and a page behind a
     * single-use link must say no-store. Camel's own headers still stay inside.
     */
    public static HeaderFilterStrategy pageHeaders() {
        DefaultHeaderFilterStrategy strategy = new DefaultHeaderFilterStrategy();
        strategy.setOutFilterStartsWith(DefaultHeaderFilterStrategy.CAMEL_FILTER_STARTS_WITH);
        strategy.setInFilterStartsWith(DefaultHeaderFilterStrategy.CAMEL_FILTER_STARTS_WITH);
        strategy.setLowerCase(true);
        return strategy;
    }

    public void answer(Exchange exchange) {
        var in = exchange.getIn();
        SatisfactionPages.Page page = pages.answer(in.getHeader("token", String.class),
                in.getHeader("score", String.class));
        LOG.info("satisfaction link: {}", page.logLine());
        var out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, page.status());
        out.setHeader(Exchange.CONTENT_TYPE, "text/html; charset=UTF-8");
        out.setHeader("Cache-Control", "no-store");
        out.setHeader("Referrer-Policy", "no-referrer");
        out.setHeader("X-Robots-Tag", "noindex, nofollow");
        out.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        out.setBody(page.html());
    }
}
