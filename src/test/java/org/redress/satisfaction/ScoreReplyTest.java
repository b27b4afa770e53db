package org.redress.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScoreReplyTest {

    @Test
    void aNumberAloneOrWithItsScaleIsAScore() {
        assertThat(ScoreReply.parse("5")).contains(new ScoreReply(5, ""));
        assertThat(ScoreReply.parse("  4/5\n")).contains(new ScoreReply(4, ""));
        assertThat(ScoreReply.parse("4 sur 5")).contains(new ScoreReply(4, ""));
        assertThat(ScoreReply.parse("3 von 5.")).contains(new ScoreReply(3, ""));
        assertThat(ScoreReply.parse("4.\n")).contains(new ScoreReply(4, ""));
        assertThat(ScoreReply.parse("5 stelle!")).contains(new ScoreReply(5, ""));
    }

    @Test
    void wordsAfterASeparatorOrOnTheNextLinesAreTheComment() {
        assertThat(ScoreReply.parse("2 - the refund took three weeks")).contains(new ScoreReply(2, "the refund took three weeks"));
        assertThat(ScoreReply.parse("1, todavía sin respuesta")).contains(new ScoreReply(1, "todavía sin respuesta"));
        assertThat(ScoreReply.parse("5\nMerci beaucoup, très rapide !")).contains(new ScoreReply(5, "Merci beaucoup, très rapide !"));
    }

    @Test
    void aReplyThatMerelyStartsWithANumberIsNews() {
        assertThat(ScoreReply.parse("5 days later and still nothing")).isEmpty();
        assertThat(ScoreReply.parse("2 parcels arrived, both broken")).isEmpty();
        assertThat(ScoreReply.parse("6")).isEmpty();
        assertThat(ScoreReply.parse("10/10")).isEmpty();
        assertThat(ScoreReply.parse("Thanks, 5")).isEmpty();
        assertThat(ScoreReply.parse("5:30 pm the courier came")).isEmpty();
        assertThat(ScoreReply.parse("3-4 days and still nothing")).isEmpty();
        assertThat(ScoreReply.parse("2-3 weeks!")).isEmpty();
        assertThat(ScoreReply.parse("4, 5 and 6 are missing")).isEmpty();
        assertThat(ScoreReply.parse("1.\nThe parcel was opened.\n2.\nThe invoice is wrong.")).isEmpty();
        assertThat(ScoreReply.parse("")).isEmpty();
    }
}
