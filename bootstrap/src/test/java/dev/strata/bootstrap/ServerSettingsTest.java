package dev.strata.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.access.AuthMode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    private final ServerSettings defaults = ServerSettings.defaults(Path.of("data"));

    @Test
    void authenticatesLocallyByDefault() {
        assertThat(defaults.authMode()).isEqualTo(AuthMode.LOCAL);
        assertThat(defaults.bind()).isEqualTo("127.0.0.1");
    }

    @Test
    void allowsModeNoneOnlyOnALoopbackAddress() {
        assertThat(defaults.withAuthMode(AuthMode.NONE).authMode()).isEqualTo(AuthMode.NONE);
        assertThat(defaults.withBind("::1").withAuthMode(AuthMode.NONE).bind()).isEqualTo("::1");
        assertThatThrownBy(() -> defaults.withBind("0.0.0.0").withAuthMode(AuthMode.NONE))
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> defaults.withAuthMode(AuthMode.NONE).withBind("192.0.2.10"))
                .hasMessageContaining("loopback");
    }

    @Test
    void refusesAWeakFirstAdminPassword() {
        assertThatThrownBy(() -> defaults.withAdminPassword("short")).hasMessageContaining("STRATA_ADMIN_PASSWORD");
    }
}
