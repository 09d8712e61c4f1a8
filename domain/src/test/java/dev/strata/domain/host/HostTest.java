package dev.strata.domain.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.DomainException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HostTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    private static final HostNqn NQN = new HostNqn("nqn.2014-08.org.nvmexpress:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6");

    private static HostDetails details(String name, long seconds) {
        return new HostDetails(NQN, name, "Agent", "cinder-driver-0.1", Duration.ofSeconds(seconds));
    }

    @Test
    void staysOnlineForTwiceItsDurationAfterAProbeThenGoesOfflineUntilTheNext() {
        Host host = Host.register(new HostId("h1"), details("compute-1", 30), NOW);

        assertThat(host.state(NOW)).isEqualTo(HostState.ONLINE);
        assertThat(host.state(NOW.plusSeconds(60))).isEqualTo(HostState.ONLINE);
        assertThat(host.state(NOW.plusSeconds(60).plusMillis(1))).isEqualTo(HostState.OFFLINE);

        host.probe(details("compute-1", 30), NOW.plusSeconds(300));
        assertThat(host.state(NOW.plusSeconds(300))).isEqualTo(HostState.ONLINE);
        assertThat(host.lastProbe()).isEqualTo(NOW.plusSeconds(300));
        assertThat(host.registeredAt()).isEqualTo(NOW);
    }

    @Test
    void aProbeMayPromiseAnotherInterval() {
        Host host = Host.register(new HostId("h1"), details("compute-1", 30), NOW);

        host.probe(details("compute-1b", 600), NOW);

        assertThat(host.state(NOW.plusSeconds(1000))).isEqualTo(HostState.ONLINE);
        assertThat(host.name()).isEqualTo("compute-1b");
    }

    @Test
    void keepsAUuidHostIdInLowerCaseAndOtherIdsAsGiven() {
        assertThat(new HostId("F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6").value())
                .isEqualTo("f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
        assertThat(new HostId("1234-ABCD").value()).isEqualTo("1234-ABCD");
        assertThatThrownBy(() -> HostId.parse("hostId", "a/b")).hasMessageContaining("hostId");
        assertThatThrownBy(() -> HostId.parse("hostId", "x".repeat(65))).hasMessageContaining("hostId");
        assertThatThrownBy(() -> HostId.parse("hostId", null)).hasMessageContaining("hostId is required");
    }

    @Test
    void refusesAMissingNameAndADurationOutsideOneSecondToADay() {
        assertThatThrownBy(() -> details(" ", 30)).isInstanceOf(DomainException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> details("h", 0)).hasMessageContaining("duration");
        assertThatThrownBy(() -> details("h", 86_401)).hasMessageContaining("duration");
        assertThatThrownBy(() -> new HostDetails(NQN, "h", null, null, null)).hasMessageContaining("duration");
        assertThat(new HostDetails(NQN, "h", null, null, Duration.ofSeconds(1)).clientType()).isEmpty();
    }
}
