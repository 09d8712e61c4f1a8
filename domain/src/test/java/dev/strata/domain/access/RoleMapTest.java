package dev.strata.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.DomainException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleMapTest {

    @Test
    void mapsGroupsToRolesWithoutRegardToCase() {
        RoleMap map = RoleMap.parse("storage-admins=storage, Auditors=monitor,storage-admins=network");

        assertThat(map.rolesOf(List.of("STORAGE-ADMINS", "auditors", "everyone")))
                .containsExactlyInAnyOrder(new RoleName("storage"), new RoleName("monitor"), new RoleName("network"));
        assertThat(map.rolesOf(List.of("everyone"))).isEmpty();
        assertThat(map.grantable()).hasSize(3);
    }

    @Test
    void blankIsEmpty() {
        assertThat(RoleMap.parse(" ").isEmpty()).isTrue();
        assertThat(RoleMap.parse(null).rolesOf(List.of("admins"))).isEmpty();
    }

    @Test
    void refusesWhatIsNotGroupEqualsRole() {
        for (String bad : List.of("admins", "admins=", "=admin", "a=admin,,b=monitor", "a=admin;b=monitor", "a=b=c:d")) {
            assertThatThrownBy(() -> RoleMap.parse(bad)).as(bad).isInstanceOf(DomainException.class);
        }
    }
}
