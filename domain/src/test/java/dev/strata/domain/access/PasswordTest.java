package dev.strata.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordTest {

    @ParameterizedTest
    @ValueSource(strings = {"pass\ud800word", "password\udc00", "\ud83dpassword", "pass\ude00\ud83dword"})
    void refusesALoneSurrogateWhichEncodingWouldTurnIntoAQuestionMark(String clear) {
        assertThatThrownBy(() -> Password.newPassword("password", clear)).isInstanceOf(DomainException.class)
                .hasMessageContaining("password").hasMessageNotContaining(clear);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pass\ud83d\ude00word", "p\u00e4ssw\u00f6rd", "\u3000spaced password"})
    void acceptsWholeUnicode(String clear) {
        assertThat(Password.newPassword("password", clear).reveal()).isEqualTo(clear);
    }
}
