package dev.strata.domain.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeDeclarationTest {

    private static NodeDeclaration declare(List<String> ips, long capacity, List<Portal> portals) {
        return new NodeDeclaration(ips, 8090, null, null, null, capacity, 0, 0, portals);
    }

    @Test
    void defaultsItsNameAndPortalToTheFirstManagementAddress() {
        NodeDeclaration node = declare(List.of("10.0.0.7", "10.0.0.8"), Bytes.GIB, null);

        assertThat(node.name()).isEqualTo("10.0.0.7");
        assertThat(node.portals()).containsExactly(new Portal("10.0.0.7", 4420, Transport.TCP));
        assertThat(node.location()).isEqualTo(Location.NOWHERE);
        assertThat(node.hostId()).isEmpty();
    }

    @Test
    void writesAddressesInCanonicalForm() {
        NodeDeclaration node = declare(List.of(" 10.0.0.010 ", "FD00::0001"), 0, null);

        assertThat(node.mgmtIps()).containsExactly("10.0.0.10", "fd00:0:0:0:0:0:0:1");
    }

    @Test
    void refusesAMissingOrEmptyAddressList() {
        assertInvalid(() -> declare(null, 0, null), "mgmtIPs is required");
        assertInvalid(() -> declare(List.of(), 0, null), "mgmtIPs is required");
    }

    @Test
    void refusesWhatIsNotAnAddress() {
        assertInvalid(() -> declare(List.of("storage-1.example.org"), 0, null), "not an IP address");
        assertInvalid(() -> declare(List.of("10.0.0.256"), 0, null), "not an IP address");
        assertInvalid(() -> declare(List.of("10.0.0"), 0, null), "not an IP address");
        assertInvalid(() -> declare(List.of("fd00::g"), 0, null), "not an IP address");
        assertInvalid(() -> declare(List.of("10.0.0.1'; DROP TABLE nodes;--"), 0, null), "not an IP address");
    }

    @Test
    void refusesTheSameAddressTwice() {
        assertInvalid(() -> declare(List.of("10.0.0.1", "10.0.0.01"), 0, null), "twice");
    }

    @Test
    void refusesNegativeOrAbsurdCapacity() {
        assertInvalid(() -> declare(List.of("10.0.0.1"), -1, null), "totalCapacity must not be negative");
        assertInvalid(() -> declare(List.of("10.0.0.1"), Bytes.MAX_CAPACITY + 1, null), "totalCapacity is too large");
    }

    @Test
    void refusesLongLabelsAndControlCharacters() {
        String longLabel = "r".repeat(256);
        assertInvalid(() -> new Location(longLabel, "", ""), "rack is longer than 255 characters");
        assertInvalid(() -> new Location("", "zone\u0000", ""), "zone contains a control character");
        assertInvalid(() -> new Location("", "", "\uD800"), "region contains invalid Unicode");
        assertThat(new Location("r".repeat(255), "日本", "😀").rack()).hasSize(255);
    }

    @Test
    void refusesABadPortal() {
        assertInvalid(() -> new Portal("10.0.0.1", 0, Transport.TCP), "portal port");
        assertInvalid(() -> new Portal("10.0.0.1", 65536, Transport.TCP), "portal port");
        assertInvalid(() -> Transport.parse("portals[0].transport", "FC"), "must be TCP or RDMA");
        assertThat(Transport.parse("transport", "rdma")).isEqualTo(Transport.RDMA);
    }

    private static void assertInvalid(Runnable action, String message) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining(message);
    }
}
