package dev.strata.domain.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostNqnTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "nqn.2014-08.org.nvmexpress:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
            "nqn.2014-08.org.nvmexpress:uuid:F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6",
            "nqn.2014-08.com.example:nvme:nvm-subsystem-sn-d78432",
            "nqn.2016-06.io.spdk:host1",
            "nqn.2020-01.com.example",
            "nqn.1999-12.x-y.a:ünïcödé"})
    void acceptsBothShapesOfTheSpecification(String nqn) {
        assertThat(new HostNqn(nqn).value()).isEqualTo(nqn);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "iqn.2014-08.org.nvmexpress:host",
            "nqn.14-08.org.example:host",
            "nqn.2014-8.org.example:host",
            "nqn.2014-13.org.example:host",
            "nqn.2014-00.org.example:host",
            "nqn.2014-08:host",
            "nqn.2014-08.org..example:host",
            "nqn.2014-08.-org.example:host",
            "nqn.2014-08.org_example:host",
            "nqn.2014-08.org.example:",
            "nqn.2014-08.org.example:has space",
            "nqn.2014-08.org.example:tab\there",
            "nqn.2014-08.org.nvmexpress:uuid:not-a-uuid",
            "nqn.2014-08.org.nvmexpress.discovery"})
    void refusesWhatIsNotAHostNqnNamingTheField(String nqn) {
        assertThatThrownBy(() -> HostNqn.parse("hostNqn", nqn)).isInstanceOf(DomainException.class)
                .hasMessageContaining("hostNqn");
    }

    @ParameterizedTest
    @ValueSource(ints = {223, 224})
    void holdsAtMost223BytesOfUtf8(int bytes) {
        String prefix = "nqn.2014-08.com.example:";
        String nqn = prefix + "é".repeat((bytes - prefix.length()) / 2) + "x".repeat((bytes - prefix.length()) % 2);

        if (bytes <= HostNqn.MAX_BYTES) {
            assertThat(new HostNqn(nqn).value()).isEqualTo(nqn);
        } else {
            assertThatThrownBy(() -> new HostNqn(nqn)).hasMessageContaining("223 bytes");
        }
    }
}
