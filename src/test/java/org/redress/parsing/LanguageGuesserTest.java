package org.redress.parsing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguageGuesserTest {

    private final LanguageGuesser guesser = new LanguageGuesser(Set.of("fr", "it", "en", "de", "es"));

    @Test
    void eachConfiguredLanguageIsRecognised() {
        assertThat(guesser.guess("Bonjour, ma commande n'est toujours pas arrivée et personne ne me répond."))
                .isEqualTo("fr");
        assertThat(guesser.guess("Buongiorno, il mio ordine non è ancora arrivato e nessuno mi risponde."))
                .isEqualTo("it");
        assertThat(guesser.guess("Hello, my order still has not arrived and nobody answers my calls."))
                .isEqualTo("en");
        assertThat(guesser.guess("Guten Tag, meine Bestellung ist immer noch nicht angekommen und niemand antwortet."))
                .isEqualTo("de");
        assertThat(guesser.guess("Hola, mi pedido todavía no ha llegado y nadie responde a mis llamadas."))
                .isEqualTo("es");
    }

    @Test
    void tooShortTextGivesNoGuess() {
        assertThat(guesser.guess("Merci !")).isNull();
        assertThat(guesser.guess("plain text\n\nA plain text email")).isNull();
        assertThat(guesser.guess("")).isNull();
        assertThat(guesser.guess(null)).isNull();
    }

    @Test
    void languageOutsideTheConfiguredSetGivesNoGuess() {
        assertThat(guesser.guess("Olá, a minha encomenda ainda não chegou e ninguém responde às minhas chamadas."))
                .isNull();
        assertThat(guesser.guess("Bon dia, la meva comanda encara no ha arribat i ningú no respon a les meves trucades."))
                .isNull();
        assertThat(guesser.guess("こんにちは、注文した商品がまだ届いていません。誰も電話に出てくれません。")).isNull();
        assertThat(guesser.guess("Здравствуйте, мой заказ до сих пор не пришёл, и никто не отвечает на звонки. Order 4411"))
                .isNull();
        LanguageGuesser frenchAndEnglishOnly = new LanguageGuesser(Set.of("fr", "en"));
        assertThat(frenchAndEnglishOnly.guess(
                "Buongiorno, il mio ordine non è ancora arrivato e nessuno mi risponde.")).isNull();
    }
}
