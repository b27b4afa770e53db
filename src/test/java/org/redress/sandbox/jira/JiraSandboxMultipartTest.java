package org.redress.sandbox.jira;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The multipart parser on its own, with the inputs real clients produce and broken ones. */
class JiraSandboxMultipartTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void boundaryIsReadFromContentTypeIncludingQuotedForm() {
        assertThat(MultipartForm.boundary("multipart/form-data; boundary=abc123")).isEqualTo("abc123");
        assertThat(MultipartForm.boundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b;c\"")).isEqualTo("a b;c");
        assertThat(MultipartForm.boundary("application/json")).isNull();
        assertThat(MultipartForm.boundary("multipart/form-data")).isNull();
        assertThat(MultipartForm.boundary(null)).isNull();
    }

    @Test
    void preambleEpilogueAndLfOnlyHeadersAreTolerated() {
        byte[] body = bytes("preamble text\r\n--XyZ\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\n\nhello\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nworld\r\n--XyZ--\r\nepilogue");

        List<MultipartForm.Part> parts = MultipartForm.parse(body, "XyZ");

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).filename()).isEqualTo("a.txt");
        assertThat(new String(parts.get(0).content(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(parts.get(1).name()).isEqualTo("note");
        assertThat(parts.get(1).filename()).isNull();
        assertThat(new String(parts.get(1).content(), StandardCharsets.UTF_8)).isEqualTo("world");
    }

    @Test
    void filenameVariantsAreDecoded() {
        String body = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\\\Users\\\\ann\\\\say \\\"hi\\\".txt\"\r\n\r\n1\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename*=utf-8''%C3%A9t%C3%A9.pdf\r\nContent-Type: application/pdf\r\n\r\n2\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Ünïcødé raw.txt\"\r\n\r\n3\r\n"
                + "--b\r\nContent-Disposition: form-data;\r\n name=\"file\"; filename=\"folded.txt\"\r\n\r\n4\r\n--b--";

        List<MultipartForm.Part> parts = MultipartForm.parse(bytes(body), "b");

        assertThat(parts).extracting(MultipartForm.Part::filename)
                .containsExactly("say \"hi\".txt", "été.pdf", "Ünïcødé raw.txt", "folded.txt");
        assertThat(parts.get(1).contentType()).isEqualTo("application/pdf");
    }

    @Test
    void emptyPartBodyAndBodyEndingInCrlfAreKeptExactly() {
        byte[] body = bytes("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"e\"\r\n\r\n\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f\"\r\n\r\nline\r\n\r\n--b--\r\n");

        List<MultipartForm.Part> parts = MultipartForm.parse(body, "b");

        assertThat(parts.get(0).content()).isEmpty();
        assertThat(parts.get(1).content()).isEqualTo(bytes("line\r\n"));
    }

    @Test
    void blankLinesInsideAFileAreContentNotTheEndOfItsHeaders() {
        byte[] body = bytes("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.bin\"\r\n\r\n"
                + "a\n\nb\r\n\r\nc\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lf.txt\"\n\n"
                + "d\r\n\r\ne\r\n--b--");

        List<MultipartForm.Part> parts = MultipartForm.parse(body, "b");

        assertThat(parts).extracting(MultipartForm.Part::filename).containsExactly("scan.bin", "lf.txt");
        assertThat(parts.get(0).content()).isEqualTo(bytes("a\n\nb\r\n\r\nc"));
        assertThat(parts.get(1).content()).isEqualTo(bytes("d\r\n\r\ne"));
    }

    @Test
    void malformedBodiesAreRejected() {
        assertThatThrownBy(() -> MultipartForm.parse(bytes("no boundary here"), "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MultipartForm.parse(bytes("--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nunterminated"), "b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MultipartForm.parse(bytes("--b\r\nno header end\r\n--b--"), "b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void delimiterSearchFindsWhatAByteByByteSearchFinds() {
        java.util.Random random = new java.util.Random(20261205);
        for (int round = 0; round < 20_000; round++) {
            // a small alphabet with CR, LF and a byte above 0x7f, so that near-misses and repeats are common
            byte[] alphabet = {'\r', '\n', '-', 'a', (byte) 0xe9};
            byte[] data = new byte[random.nextInt(60)];
            for (int i = 0; i < data.length; i++) {
                data[i] = alphabet[random.nextInt(alphabet.length)];
            }
            byte[] pattern = new byte[random.nextInt(9)];
            for (int i = 0; i < pattern.length; i++) {
                pattern[i] = alphabet[random.nextInt(alphabet.length)];
            }
            int from = random.nextInt(data.length + 2) - 1;
            int end = random.nextInt(data.length + 3) - 1;

            assertThat(MultipartForm.indexOf(data, pattern, from, end))
                    .as("round %d", round).isEqualTo(byteByByte(data, pattern, from, end));
        }
    }

    private static int byteByByte(byte[] data, byte[] pattern, int from, int end) {
        for (int i = Math.max(from, 0); i + pattern.length <= Math.min(end, data.length); i++) {
            if (java.util.Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        return -1;
    }
}
