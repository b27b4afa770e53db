package org.redress.parsing;

import jakarta.mail.util.StreamProvider;
import java.util.ServiceLoader;
import javax.xml.parsers.SAXParserFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The implementations {@link ProviderLookups} names are the ones the class-path scans find, so naming them changes
 * only the cost. Fails when a dependency brings a provider of its own, which the names would then overrule.
 */
class ProviderLookupsTest {

    @Test
    void theNamedMailStreamProviderIsTheOnlyOneOnTheClassPath() {
        assertThat(ServiceLoader.load(StreamProvider.class).stream().map(ServiceLoader.Provider::type))
                .extracting(Class::getName).containsExactly(ProviderLookups.MAIL_STREAMS);
    }

    @Test
    void noJarOffersASaxParserSoTheScanEndsWithTheJdksOwnWhichIsTheNamedOne() {
        assertThat(ServiceLoader.load(SAXParserFactory.class).stream()).isEmpty();
        assertThat(SAXParserFactory.newDefaultInstance().getClass().getName()).isEqualTo(ProviderLookups.SAX_PARSERS);
    }
}
