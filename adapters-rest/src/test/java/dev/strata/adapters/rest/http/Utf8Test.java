package dev.strata.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8Test {

    private static byte[] hex(String hex) {
        String[] parts = hex.split(" ");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }

    @ParameterizedTest
    @ValueSource(strings = {"41", "C2 80", "DF BF", "E0 A0 80", "E2 82 AC", "ED 9F BF", "EE 80 80", "F0 90 80 80",
        "F4 8F BF BF", "EF BB BF 7B 7D"})
    void acceptsWellFormedSequences(String bytes) {
        assertThat(Utf8.valid(hex(bytes), 0, hex(bytes).length)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"C0 AF", "C1 BF", "E0 80 AF", "E0 9F BF", "ED A0 80", "ED BF BF", "F0 80 80 AF",
        "F4 90 80 80", "F5 80 80 80", "FF", "FE", "80", "BF", "C2", "E2 82", "F0 90 80", "C2 41", "E2 28 A1"})
    void refusesOverlongSurrogateOutOfRangeAndTruncatedSequences(String bytes) {
        assertThat(Utf8.valid(hex(bytes), 0, hex(bytes).length)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "\u00e9t\u00e9", "\u20ac", "\ud83d\ude00", "\u3000\u2028"})
    void agreesWithTheJdkOnText(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.valid(bytes, 0, bytes.length)).isTrue();
    }
}
