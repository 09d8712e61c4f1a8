package dev.strata.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The text a request carries in headers and fields: times, If-Match, optional ids. */
class RequestTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"2027-01-31T12:00:00Z", "2027-01-31t12:00:00z", "2027-01-31T12:00:00.123456789+02:00",
        "9999-12-31T23:59:59Z"})
    void readsRfc3339Times(String text) {
        assertThat(Times.parse("t", text)).isBefore(Instant.parse("+10000-01-01T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "-0001-01-01T00:00:00Z",
        "2027-01-31T12:00Z", "2027-01-31T12:00:00", "2027-01-31 12:00:00Z", "2027-1-31T12:00:00Z",
        "2027-01-31T12:00:00.1234567890Z", "2027-02-30T00:00:00Z", "\u0662027-01-31T12:00:00Z"})
    void refusesWhatRfc3339DoesNotAllow(String text) {
        assertThatThrownBy(() -> Times.parse("expiration_time", text)).isInstanceOf(DomainException.class)
                .hasMessageContaining("expiration_time");
    }

    @Test
    void matchesOnlyStrongEntityTags() {
        assertThat(Preconditions.ifMatchVersion(null, "role")).isEmpty();
        assertThat(Preconditions.ifMatchVersion("*", "role")).isEmpty();
        assertThat(Preconditions.ifMatchVersion(" \"7\" ", "role")).contains(7L);
        for (String refused : new String[] {"W/\"7\"", "7", "\"7", "\"x\"", "\"7\", \"8\"", "w/\"7\""}) {
            assertThatThrownBy(() -> Preconditions.ifMatchVersion(refused, "role"))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
        }
    }

    @Test
    void readsOnlyNothingOrTheEmptyStringAsNoId() {
        assertThat(Bodies.optional(null, TenantId::new)).isEmpty();
        assertThat(Bodies.optional("", TenantId::new)).isEmpty();
        assertThat(Bodies.optional("acme", TenantId::new)).isEqualTo(Optional.of(new TenantId("acme")));
        for (String blank : new String[] {" ", "\t", "\u3000", "\u2028", "\u00a0"}) {
            assertThatThrownBy(() -> Bodies.optional(blank, TenantId::new)).isInstanceOf(DomainException.class);
        }
    }
}
