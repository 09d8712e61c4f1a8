package dev.strata.domain.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OvercommitLimitTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.99, -1.0, 100.01, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void refusesRatiosOutsideOneToAHundred(double ratio) {
        assertThatThrownBy(() -> new OvercommitLimit(ratio)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 100");
    }

    @Test
    void boundsWhatANodePromises() {
        assertThat(new OvercommitLimit(1.0).promiseLimit(100 * Bytes.GIB)).isEqualTo(100 * Bytes.GIB);
        assertThat(new OvercommitLimit(2.5).promiseLimit(100 * Bytes.GIB)).isEqualTo(250 * Bytes.GIB);
        assertThat(new OvercommitLimit(100.0).promiseLimit(Long.MAX_VALUE)).as("never overflows")
                .isEqualTo(Long.MAX_VALUE);
        assertThat(OvercommitLimit.DEFAULT).hasToString("4.0");
    }
}
