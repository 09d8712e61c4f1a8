package dev.strata.agent;

import dev.strata.agent.model.Naming;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.agent.adapters.FileConfigfsTree;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker itself: each kernel rule it holds fails a change that breaks it. */
class KernelRulesCheckerTest {

    static final String NQN = Naming.PREFIX + "target:n:h";
    static final String HOST = "nqn.2014-08.org.example:host-1";
    static final Path SUBSYSTEM = Path.of("subsystems", NQN);
    static final Path NS = SUBSYSTEM.resolve("namespaces/1");
    static final Path PORT = Path.of("ports", "61000");

    @TempDir
    Path root;

    KernelRulesChecker checker;

    @BeforeEach
    void subsystemWithAnEnabledNamespace() throws IOException {
        checker = new KernelRulesChecker(FileConfigfsTree.open(root));
        checker.mkdir(Path.of("hosts", HOST));
        checker.mkdir(SUBSYSTEM, "namespaces", "allowed_hosts");
        checker.mkdir(NS);
        checker.write(NS.resolve("device_path"), "/srv/x.img");
        checker.write(NS.resolve("enable"), "1");
        checker.mkdir(PORT, "subsystems", "referrals", "ana_groups", "ana_groups/1");
    }

    @Test
    void devicePathAndUuidOnlyWhileDisabled() {
        assertThatThrownBy(() -> checker.write(NS.resolve("device_path"), "/srv/y.img")).hasMessageContaining("EBUSY");
        assertThatThrownBy(() -> checker.write(NS.resolve("device_uuid"), "3f1d6a52-8a0e-4c51-9a51-0c6f1d2b7e01"))
                .hasMessageContaining("EBUSY");
    }

    @Test
    void noAllowedHostWhileAnyHostIsAllowedAndTheReverse() throws IOException {
        checker.write(SUBSYSTEM.resolve("attr_allow_any_host"), "1");
        assertThatThrownBy(() -> checker.symlink(SUBSYSTEM.resolve("allowed_hosts").resolve(HOST),
                Path.of("hosts", HOST))).hasMessageContaining("allow_any_host");
        checker.write(SUBSYSTEM.resolve("attr_allow_any_host"), "0");
        checker.symlink(SUBSYSTEM.resolve("allowed_hosts").resolve(HOST), Path.of("hosts", HOST));
        assertThatThrownBy(() -> checker.write(SUBSYSTEM.resolve("attr_allow_any_host"), "1"))
                .hasMessageContaining("explicit hosts");
    }

    @Test
    void portAddressOnlyBeforeTheFirstLinkAndTheLinkAfterTheAddress() throws IOException {
        assertThatThrownBy(() -> checker.symlink(PORT.resolve("subsystems").resolve(NQN), SUBSYSTEM))
                .hasMessageContaining("address comes first");
        checker.write(PORT.resolve("addr_trtype"), "tcp");
        checker.write(PORT.resolve("addr_adrfam"), "ipv4");
        checker.write(PORT.resolve("addr_traddr"), "10.0.0.5");
        checker.write(PORT.resolve("addr_trsvcid"), "4420");
        checker.symlink(PORT.resolve("subsystems").resolve(NQN), SUBSYSTEM);
        assertThatThrownBy(() -> checker.write(PORT.resolve("addr_traddr"), "10.0.0.6")).hasMessageContaining("EACCES");
        assertThatThrownBy(() -> checker.write(SUBSYSTEM.resolve("attr_serial"), "S")).hasMessageContaining("discovered");
        assertThatThrownBy(() -> checker.rmdir(PORT, "subsystems", "referrals", "ana_groups", "ana_groups/1"))
                .hasMessageContaining("ENOTEMPTY");
    }

    @Test
    void controllerIdRangeStaysOrdered() throws IOException {
        checker.write(SUBSYSTEM.resolve("attr_cntlid_max"), "199");
        assertThatThrownBy(() -> checker.write(SUBSYSTEM.resolve("attr_cntlid_min"), "200")).hasMessageContaining("cntlid");
        assertThatThrownBy(() -> checker.write(SUBSYSTEM.resolve("attr_cntlid_max"), "0")).hasMessageContaining("cntlid");
    }

    @Test
    void removalOnlyInReverse() {
        assertThatThrownBy(() -> checker.rmdir(SUBSYSTEM, "namespaces", "allowed_hosts")).hasMessageContaining("ENOTEMPTY");
        assertThatThrownBy(() -> checker.rmdir(NS)).hasMessageContaining("enabled namespace");
        assertThatThrownBy(() -> checker.write(NS.resolve("revalidate_size"), "0")).hasMessageContaining("revalidate");
        assertThatThrownBy(() -> checker.mkdir(Path.of("subsystems", "nqn.2014-08.org.nvmexpress.discovery"),
                "namespaces", "allowed_hosts")).hasMessageContaining("discovery");
    }
}
