package dev.strata.agent;

import dev.strata.agent.model.Desired;
import dev.strata.agent.model.Observed;
import dev.strata.agent.model.TargetState;
import dev.strata.agent.model.Naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.agent.model.Desired.Namespace;
import dev.strata.agent.model.Desired.Portal;
import dev.strata.agent.model.Desired.Provisioning;
import dev.strata.agent.model.Desired.Replica;
import dev.strata.agent.model.Desired.Subsystem;
import dev.strata.agent.adapters.ConfigfsTarget;
import dev.strata.agent.adapters.FileConfigfsTree;
import dev.strata.agent.adapters.FilePool;
import dev.strata.agent.ports.BackingStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reconciler over a real file pool and a directory laid out like configfs, under the kernel's rules. */
class ReconcilerTest {

    static final String R1 = "3f1d6a52-8a0e-4c51-9a51-0c6f1d2b7e01";
    static final String R2 = "8b2e4c11-5d3f-4e2a-8c1b-2f3e4d5c6b02";
    static final String HOST = "nqn.2014-08.org.nvmexpress:uuid:0b3c7c1e-1111-4222-8333-944455556666";
    static final String NQN = Naming.PREFIX + "target:node-a:host-1";
    static final long MIB = 1 << 20;

    @TempDir
    Path temp;

    /** One node: its pool, its configfs directory, the checker over it, and a reconciler. */
    final class Node {
        final Path pool;
        final Path configfs;
        final KernelRulesChecker checker;
        final BackingStore store;
        Reconciler reconciler;

        Node(String name) throws IOException {
            pool = Files.createDirectories(temp.resolve(name).resolve("pool"));
            configfs = Files.createDirectories(temp.resolve(name).resolve("nvmet"));
            checker = new KernelRulesChecker(FileConfigfsTree.open(configfs));
            FilePool files = new FilePool(pool);
            store = new NotingStore(files, checker);
            restart();
        }

        void restart() {
            reconciler = new Reconciler(store, new ConfigfsTarget(checker), "test", 10);
        }

        Observed apply(Desired desired) {
            return reconciler.reconcile(desired, 0);
        }

        TargetState state() throws IOException {
            return new ConfigfsTarget(checker).read();
        }

        String attribute(String path) throws IOException {
            return Files.readString(configfs.resolve(path), StandardCharsets.US_ASCII).strip();
        }
    }

    /** The file pool, with its removals noted among the checker's operations to check their order. */
    record NotingStore(FilePool files, KernelRulesChecker checker) implements BackingStore {
        @Override
        public Map<String, Backing> inventory() throws IOException {
            return files.inventory();
        }

        @Override
        public void ensure(Replica replica) throws IOException {
            checker.note("backing ensure " + replica.uuid());
            files.ensure(replica);
        }

        @Override
        public void remove(String replicaUuid) throws IOException {
            checker.note("backing remove " + replicaUuid);
            files.remove(replicaUuid);
        }

        @Override
        public String devicePath(String replicaUuid) {
            return files.devicePath(replicaUuid);
        }

        @Override
        public Capacity capacity() throws IOException {
            return files.capacity();
        }

        @Override
        public String describe() {
            return files.describe();
        }
    }

    static Desired.Node node() {
        return new Desired.Node("node-a", List.of(new Portal("10.0.0.5", 4420, "TCP"),
                new Portal("fd00::5", 4420, "RDMA")), 100, 199);
    }

    static Desired published(long generation, long r1Size) {
        return new Desired(generation, node(),
                List.of(new Replica(R1, "vol-1", r1Size, Provisioning.THICK, 512),
                        new Replica(R2, "vol-2", 4 * MIB, Provisioning.THIN, 4096)),
                List.of(),
                List.of(new Subsystem(NQN, "5a1e9c0d2b3f4a5e6c7d", List.of(HOST),
                        List.of(new Namespace(1, R1, R1), new Namespace(2, R2, R2)))));
    }

    static Desired unpublishedAndDeleted(long generation) {
        return new Desired(generation, node(), List.of(), List.of(R1, R2), List.of());
    }

    @Test
    void buildsEverythingFromEmptyInTheKernelsOrder() throws IOException {
        Node node = new Node("a");
        Observed observed = node.apply(published(42, MIB));

        assertThat(observed.generation()).isEqualTo(42);
        assertThat(observed.fullyApplied()).isTrue();
        assertThat(observed.replicas()).extracting(Observed.ReplicaReport::uuid, Observed.ReplicaReport::sizeBytes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(R1, MIB),
                        org.assertj.core.groups.Tuple.tuple(R2, 4 * MIB));
        assertThat(observed.orphans()).isEmpty();
        assertThat(Files.size(node.pool.resolve(R1 + ".img"))).isEqualTo(MIB);
        assertThat(allocatedBytes(node.pool.resolve(R1 + ".img"))).as("THICK: every block written")
                .isGreaterThanOrEqualTo(MIB);
        assertThat(Files.size(node.pool.resolve(R2 + ".img"))).isEqualTo(4 * MIB);
        assertThat(allocatedBytes(node.pool.resolve(R2 + ".img"))).as("THIN: sparse").isLessThan(MIB);

        String subsystem = "subsystems/" + NQN;
        assertThat(node.attribute(subsystem + "/attr_allow_any_host")).isEqualTo("0");
        assertThat(node.attribute(subsystem + "/attr_serial")).isEqualTo("5a1e9c0d2b3f4a5e6c7d");
        assertThat(node.attribute(subsystem + "/attr_cntlid_min")).isEqualTo("100");
        assertThat(node.attribute(subsystem + "/attr_cntlid_max")).isEqualTo("199");
        Path grant = node.configfs.resolve(subsystem + "/allowed_hosts/" + HOST);
        assertThat(Files.readSymbolicLink(grant).toString()).isEqualTo("../../../hosts/" + HOST);
        assertThat(node.attribute(subsystem + "/namespaces/1/device_path"))
                .isEqualTo(node.pool.toAbsolutePath().resolve(R1 + ".img").toString());
        assertThat(node.attribute(subsystem + "/namespaces/1/device_uuid")).isEqualTo(R1);
        assertThat(node.attribute(subsystem + "/namespaces/2/enable")).isEqualTo("1");
        assertThat(node.attribute("ports/61000/addr_trtype")).isEqualTo("tcp");
        assertThat(node.attribute("ports/61000/addr_adrfam")).isEqualTo("ipv4");
        assertThat(node.attribute("ports/61000/addr_traddr")).isEqualTo("10.0.0.5");
        assertThat(node.attribute("ports/61000/addr_trsvcid")).isEqualTo("4420");
        assertThat(node.attribute("ports/61001/addr_trtype")).isEqualTo("rdma");
        assertThat(node.attribute("ports/61001/addr_adrfam")).isEqualTo("ipv6");
        assertThat(Files.readSymbolicLink(node.configfs.resolve("ports/61000/subsystems/" + NQN)).toString())
                .isEqualTo("../../../subsystems/" + NQN);

        List<String> ops = node.checker.operations();
        assertThat(ops.indexOf("write " + subsystem + "/namespaces/1/device_path "
                + node.pool.toAbsolutePath().resolve(R1 + ".img")))
                .isLessThan(ops.indexOf("write " + subsystem + "/namespaces/1/enable 1"));
        assertThat(ops.indexOf("backing ensure " + R1)).isLessThan(ops.indexOf("mkdir hosts/" + HOST));
        assertThat(ops.indexOf("write " + subsystem + "/attr_serial 5a1e9c0d2b3f4a5e6c7d"))
                .isLessThan(ops.indexOf("symlink ports/61000/subsystems/" + NQN + " -> " + subsystem));
    }

    @Test
    void theSameDocumentTwiceChangesNothing() throws IOException {
        Node node = new Node("a");
        node.apply(published(42, MIB));
        int before = node.checker.operations().size();

        assertThat(node.reconciler.plan(published(42, MIB))).isEmpty();
        Observed again = node.apply(published(42, MIB));

        assertThat(node.checker.operations()).hasSize(before);
        assertThat(again.fullyApplied()).isTrue();
        assertThat(again.generation()).isEqualTo(42);
    }

    @Test
    void aCrashAfterAnyChangeIsCompletedByTheNextAgent() throws IOException {
        Node reference = new Node("reference");
        reference.apply(published(42, MIB));
        int total = reference.checker.changes();
        TargetState built = reference.state();
        assertThat(total).isGreaterThan(20);

        for (int k = 0; k < total; k++) {
            Node node = new Node("crash-" + k);
            node.checker.crashAfter(k);
            assertThatThrownBy(() -> node.apply(published(42, MIB))).isInstanceOf(KernelRulesChecker.InjectedCrash.class);
            node.checker.crashAfter(-1);
            node.restart();
            Observed observed = node.apply(published(42, MIB));
            assertThat(observed.fullyApplied()).as("after a crash at change %d", k).isTrue();
            assertThat(normalized(node.state(), node)).as("after a crash at change %d", k)
                    .isEqualTo(normalized(built, reference));
        }
    }

    @Test
    void aCrashDuringRemovalIsCompletedByTheNextAgent() throws IOException {
        Node reference = new Node("reference");
        reference.apply(published(42, MIB));
        int start = reference.checker.changes();
        reference.apply(unpublishedAndDeleted(43));
        int total = reference.checker.changes() - start;

        for (int k = 0; k < total; k++) {
            Node node = new Node("crash-" + k);
            node.apply(published(42, MIB));
            node.checker.crashAfter(k);
            assertThatThrownBy(() -> node.apply(unpublishedAndDeleted(43)))
                    .isInstanceOf(KernelRulesChecker.InjectedCrash.class);
            node.checker.crashAfter(-1);
            node.restart();
            Observed observed = node.apply(unpublishedAndDeleted(43));
            assertThat(observed.generation()).as("after a crash at change %d", k).isEqualTo(43);
            TargetState state = node.state();
            assertThat(state.subsystems()).isEmpty();
            assertThat(state.ports().values()).as("the node's portals stay, with nothing linked")
                    .allMatch(port -> port.subsystems().isEmpty()).hasSize(2);
            assertThat(state.hosts()).isEmpty();
            assertThat(node.pool.resolve(R1 + ".img")).doesNotExist();
        }
    }

    @Test
    void removalRunsInReverseAndDataGoesLast() throws IOException {
        Node node = new Node("a");
        node.apply(published(42, MIB));
        int start = node.checker.operations().size();

        Observed observed = node.apply(unpublishedAndDeleted(43));

        List<String> ops = node.checker.operations().subList(start, node.checker.operations().size());
        String subsystem = "subsystems/" + NQN;
        assertThat(ops).containsSubsequence(
                "unlink ports/61000/subsystems/" + NQN,
                "unlink ports/61001/subsystems/" + NQN,
                "unlink " + subsystem + "/allowed_hosts/" + HOST,
                "write " + subsystem + "/namespaces/1/enable 0",
                "rmdir " + subsystem + "/namespaces/1",
                "rmdir " + subsystem,
                "rmdir hosts/" + HOST,
                "backing remove " + R1);
        assertThat(observed.replicas()).isEmpty();
        assertThat(observed.generation()).isEqualTo(43);
        assertThat(node.pool.resolve(R1 + ".img")).doesNotExist();
        assertThat(node.pool.resolve(R2 + ".img")).doesNotExist();
        assertThat(node.configfs.resolve(subsystem)).doesNotExist();
    }

    @Test
    void anEmptiedConfigfsIsRebuilt() throws IOException {
        Node node = new Node("a");
        node.apply(published(42, MIB));
        TargetState built = node.state();

        for (String top : List.of("ports", "subsystems", "hosts")) {
            deleteContents(node.configfs.resolve(top));
        }
        node.checker.reboot();
        Observed observed = node.apply(published(42, MIB));

        assertThat(observed.fullyApplied()).isTrue();
        assertThat(node.state()).isEqualTo(built);
        assertThat(Files.size(node.pool.resolve(R1 + ".img"))).isEqualTo(MIB);
    }

    @Test
    void anExpandGrowsTheFileAndRevalidatesItsNamespace() throws IOException {
        Node node = new Node("a");
        node.apply(published(42, MIB));
        int start = node.checker.operations().size();

        Observed observed = node.apply(published(43, 3 * MIB));

        assertThat(Files.size(node.pool.resolve(R1 + ".img"))).isEqualTo(3 * MIB);
        assertThat(allocatedBytes(node.pool.resolve(R1 + ".img"))).isGreaterThanOrEqualTo(3 * MIB);
        assertThat(node.checker.operations().subList(start, node.checker.operations().size())).containsExactly(
                "backing ensure " + R1,
                "write subsystems/" + NQN + "/namespaces/1/revalidate_size 1");
        assertThat(observed.generation()).isEqualTo(43);
        assertThat(observed.replicas().get(0).sizeBytes()).isEqualTo(3 * MIB);
    }

    @Test
    void aReplicaMerelyAbsentIsKeptAndReportedAsAnOrphan() throws IOException {
        Node node = new Node("a");
        node.apply(published(42, MIB));
        Desired withoutR2 = new Desired(43, node(), List.of(new Replica(R1, "vol-1", MIB, Provisioning.THICK, 512)),
                List.of(), List.of(new Subsystem(NQN, "5a1e9c0d2b3f4a5e6c7d", List.of(HOST),
                        List.of(new Namespace(1, R1, R1)))));

        Observed observed = node.apply(withoutR2);

        assertThat(node.pool.resolve(R2 + ".img")).exists();
        assertThat(observed.orphans()).containsExactly(R2 + ".img");
        assertThat(node.state().subsystems().get(NQN).namespaces()).containsOnlyKeys(1);
        assertThat(observed.generation()).isEqualTo(43);
    }

    @Test
    void aFailingSubsystemIsReportedAndTheOthersAreApplied() throws IOException {
        Node node = new Node("a");
        Files.createDirectory(node.pool.resolve(R2 + ".img"));
        String other = Naming.PREFIX + "target:node-a:host-2";
        Desired desired = new Desired(7, node(),
                List.of(new Replica(R1, "vol-1", MIB, Provisioning.THIN, 512),
                        new Replica(R2, "vol-2", MIB, Provisioning.THIN, 512)),
                List.of(),
                List.of(new Subsystem(NQN, "SERIAL1", List.of(HOST), List.of(new Namespace(1, R2, R2))),
                        new Subsystem(other, "SERIAL2", List.of(HOST), List.of(new Namespace(1, R1, R1)))));

        Observed observed = node.apply(desired);

        assertThat(observed.generation()).as("not fully applied").isEqualTo(0);
        assertThat(observed.subsystems()).extracting(Observed.SubsystemReport::nqn, Observed.SubsystemReport::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NQN, Observed.SubsystemState.Failed),
                        org.assertj.core.groups.Tuple.tuple(other, Observed.SubsystemState.Applied));
        assertThat(observed.subsystems().get(0).message()).contains("replica:" + R2);
        assertThat(observed.replicas()).extracting(Observed.ReplicaReport::state)
                .containsExactly(Observed.ReplicaState.Available, Observed.ReplicaState.Failed);
        assertThat(node.attribute("subsystems/" + other + "/namespaces/1/enable")).isEqualTo("1");
        assertThat(node.configfs.resolve("ports/61000/subsystems/" + other)).exists();
        assertThat(node.configfs.resolve("ports/61000/subsystems/" + NQN)).doesNotExist();
    }

    @Test
    void subsystemsAndPortsNotStratasAreNeverTouched() throws IOException {
        Node node = new Node("a");
        KernelRulesChecker raw = node.checker;
        String foreign = "nqn.2014-08.com.example:disk-1";
        raw.mkdir(Path.of("hosts", HOST));
        raw.mkdir(Path.of("subsystems", foreign), "namespaces", "allowed_hosts");
        raw.symlink(Path.of("subsystems", foreign, "allowed_hosts", HOST), Path.of("hosts", HOST));
        raw.mkdir(Path.of("ports", "1"), "subsystems", "referrals", "ana_groups", "ana_groups/1");
        raw.write(Path.of("ports", "1", "addr_trtype"), "tcp");
        raw.write(Path.of("ports", "1", "addr_adrfam"), "ipv4");
        raw.write(Path.of("ports", "1", "addr_traddr"), "10.0.0.9");
        raw.write(Path.of("ports", "1", "addr_trsvcid"), "4420");
        raw.symlink(Path.of("ports", "1", "subsystems", foreign), Path.of("subsystems", foreign));

        int start = raw.operations().size();
        node.apply(published(42, MIB));
        node.apply(unpublishedAndDeleted(43));

        assertThat(node.configfs.resolve("subsystems/" + foreign + "/allowed_hosts/" + HOST)).isSymbolicLink();
        assertThat(node.configfs.resolve("ports/1/subsystems/" + foreign)).isSymbolicLink();
        assertThat(node.configfs.resolve("hosts/" + HOST)).isDirectory();
        assertThat(raw.operations().subList(start, raw.operations().size())).noneMatch(op -> op.contains(foreign) || op.contains("ports/1/")
                || op.equals("rmdir hosts/" + HOST));
    }

    /** Device paths differ between nodes' pools; the rest must be equal. */
    private static String normalized(TargetState state, Node node) {
        return state.toString().replace(node.pool.toAbsolutePath().toString(), "POOL");
    }

    private static void deleteContents(Path dir) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> !p.equals(dir)).sorted(Comparator.reverseOrder()).forEach(all::add);
        }
        for (Path p : all) {
            Files.delete(p);
        }
    }

    /** Bytes the file system really holds for a file (stat's 512-byte blocks). */
    static long allocatedBytes(Path file) throws IOException {
        Process stat = new ProcessBuilder("stat", "-c", "%b", file.toString()).start();
        String out = new String(stat.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        return Long.parseLong(out) * 512;
    }
}
