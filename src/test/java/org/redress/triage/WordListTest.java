package org.redress.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordListTest {

    @Test
    void termsMatchWholeWordsWhateverTheCaseOfTheirFirstLetter() {
        WordList list = new WordList(List.of("endommagé*", "ärger", "money back", "Mitarbeiter*", "1er envoi"));

        String text = "ENDOMMAGÉE, Ärger, MONEY \n back, mitarbeiterin, 1ER  envoi; xendommagé, ärgerlich, moneyback";

        assertThat(list.find(text)).containsExactly("ENDOMMAGÉE", "Ärger", "MONEY back", "mitarbeiterin", "1ER envoi");
        assertThat(list.count(text)).isEqualTo(5);
    }
}
