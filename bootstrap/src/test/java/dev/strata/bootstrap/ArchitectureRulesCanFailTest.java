package dev.strata.bootstrap;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.strata.adapters.rest.StrayResource;
import dev.strata.adapters.rest.provisioner.VolumeResource;
import dev.strata.application.port.in.volume.CreateVolumeUseCase;
import dev.strata.application.service.VolumeService;
import dev.strata.stray.Stray;
import org.junit.jupiter.api.Test;

/** The new rules of {@link ArchitectureTest} fail on the breaches they exist for, and pass the real classes. */
class ArchitectureRulesCanFailTest {

    private static JavaClasses load(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }

    @Test
    void aPackageNoRuleNamesFailsAndSaysWhereToRegisterIt() {
        assertThatThrownBy(() -> ArchitectureTest.everyPackageIsNamedByARule.check(load(Stray.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("package dev.strata.stray (of dev.strata.stray.Stray) is named by no"
                        + " architecture rule")
                .hasMessageContaining("register it in PACKAGES of dev.strata.bootstrap.ArchitectureTest"
                        + " (bootstrap/src/test/java/dev/strata/bootstrap/ArchitectureTest.java)");

        assertThatCode(() -> ArchitectureTest.everyPackageIsNamedByARule.check(load(Wiring.class,
                VolumeService.class, CreateVolumeUseCase.class, VolumeResource.class))).doesNotThrowAnyException();
    }

    @Test
    void aRestClassThatUsesAServiceFails() {
        assertThatThrownBy(() -> ArchitectureTest.theRestAdapterOnlyCallsUseCases.check(load(StrayResource.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(StrayResource.class.getName())
                .hasMessageContaining(VolumeService.class.getName());

        assertThatCode(() -> ArchitectureTest.theRestAdapterOnlyCallsUseCases.check(load(VolumeResource.class)))
                .doesNotThrowAnyException();
    }
}
