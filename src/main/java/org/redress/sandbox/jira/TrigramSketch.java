package org.redress.sandbox.jira;

/**
 * Which three-character sequences a text holds, folded into 4,096 bits: a word with a sequence the sketch lacks is
 * not in the text. A {@code text ~} search (the gateway's customer-history lookup, one per complaint) then reads only
 * the issues {@link TextIndex} names as holding every sequence of the words, as Jira answers from its index rather
 * than by reading every issue. Only a filter: a word the sketch lets through is still looked for in the text itself.
 */
final class TrigramSketch {
    /** How many different sequences a sketch tells apart. */
    static final int BITS = 4096;
    private static final int WORDS = BITS / 64;
    /** Keeps a hash's top bits, as many as number a sequence below {@link #BITS}. */
    private static final int SHIFT = 32 - Integer.numberOfTrailingZeros(BITS);
    private final long[] bits = new long[WORDS];

    /** The sketch of lower-case texts taken together; a sequence across two of them is not recorded. */
    static TrigramSketch of(String... texts) {
        TrigramSketch sketch = new TrigramSketch();
        for (String text : texts) {
            for (int i = 0; i + 3 <= text.length(); i++) {
                int bit = bit(text.charAt(i), text.charAt(i + 1), text.charAt(i + 2));
                sketch.bits[bit >>> 6] |= 1L << bit;
            }
        }
        return sketch;
    }

    /** False when {@code word}'s text cannot occur in this sketch's texts; true when it may. */
    boolean mayContain(TrigramSketch word) {
        for (int i = 0; i < WORDS; i++) {
            if ((bits[i] & word.bits[i]) != word.bits[i]) {
                return false;
            }
        }
        return true;
    }

    /** The sketch of what this one and {@code other} hold together. */
    TrigramSketch with(TrigramSketch other) {
        TrigramSketch union = new TrigramSketch();
        for (int i = 0; i < WORDS; i++) {
            union.bits[i] = bits[i] | other.bits[i];
        }
        return union;
    }

    /** The sequences this sketch holds, each as its number below {@link #BITS}, in ascending order. */
    int[] sequences() {
        int count = 0;
        for (long word : bits) {
            count += Long.bitCount(word);
        }
        int[] sequences = new int[count];
        int next = 0;
        for (int i = 0; i < WORDS; i++) {
            for (long word = bits[i]; word != 0; word &= word - 1) {
                sequences[next++] = i * 64 + Long.numberOfTrailingZeros(word);
            }
        }
        return sequences;
    }

    private static int bit(char a, char b, char c) {
        int hash = ((a * 31) + b) * 31 + c;
        return (hash * 0x9E3779B9) >>> SHIFT;
    }
}
