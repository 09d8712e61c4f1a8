package dev.strata.domain.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageNodeTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    private static final OvercommitLimit LIMIT = new OvercommitLimit(4.0);

    private static StorageNode node(long capacityGiB, long iops) {
        NodeDeclaration declaration = new NodeDeclaration(List.of("10.1.0.1"), 8090, "n1", null, null,
                capacityGiB * Bytes.GIB, iops, 0, null);
        return StorageNode.register(NodeId.generate(), 1, declaration, NOW);
    }

    private static Allocation thick(long gib) {
        return new Allocation(gib * Bytes.GIB, gib * Bytes.GIB, 0, 0);
    }

    @Test
    void startsAvailableWithNothingAllocated() {
        StorageNode node = node(100, 0);

        assertThat(node.state()).isEqualTo(NodeState.AVAILABLE);
        assertThat(node.availableCapacity()).isEqualTo(100 * Bytes.GIB);
        assertThat(node.inUse()).isFalse();
    }

    @Test
    void reservesAndReleasesExactly() {
        StorageNode node = node(100, 0);
        node.reserve(thick(60), LIMIT);
        node.reserve(thick(40), LIMIT);

        assertThat(node.availableCapacity()).isZero();
        assertThat(node.inUse()).isTrue();
        node.release(thick(60));
        node.release(thick(40));
        assertThat(node.allocated()).isEqualTo(Allocation.NONE);
    }

    @Test
    void refusesToTakeMoreMediaThanItHas() {
        StorageNode node = node(100, 0);
        node.reserve(thick(60), LIMIT);

        assertThat(node.refusal(thick(41), LIMIT)).hasValueSatisfying(r -> assertThat(r).contains("40 GiB free"));
        assertThatThrownBy(() -> node.reserve(thick(41), LIMIT))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_CAPACITY));
        assertThat(node.availableCapacity()).as("a refusal takes nothing").isEqualTo(40 * Bytes.GIB);
    }

    @Test
    void refusesToPromiseBeyondItsOvercommitRatio() {
        StorageNode node = node(100, 0);
        Allocation thin = new Allocation(10 * Bytes.GIB, 300 * Bytes.GIB, 0, 0);
        node.reserve(thin, LIMIT);

        assertThat(node.refusal(new Allocation(0, 101 * Bytes.GIB, 0, 0), LIMIT))
                .hasValueSatisfying(r -> assertThat(r).contains("provisioning limit of 400 GiB"));
        assertThat(node.refusal(new Allocation(0, 100 * Bytes.GIB, 0, 0), LIMIT)).isEmpty();
    }

    @Test
    void refusesNewReplicasInMaintenanceButLetsExistingOnesGrow() {
        StorageNode node = node(100, 0);
        node.changeState(NodeState.MAINTENANCE, NOW);

        assertThat(node.refusal(thick(1), LIMIT)).contains("is Maintenance");
        node.grow(thick(1), LIMIT);
        assertThat(node.availableCapacity()).isEqualTo(99 * Bytes.GIB);
    }

    @Test
    void checksIopsOnlyWhenTheNodeDeclaresThem() {
        StorageNode unmetered = node(100, 0);
        StorageNode metered = node(100, 1000);
        Allocation hungry = new Allocation(Bytes.GIB, Bytes.GIB, 5000, 0);

        assertThat(unmetered.refusal(hungry, LIMIT)).isEmpty();
        assertThat(metered.refusal(hungry, LIMIT)).hasValueSatisfying(r -> assertThat(r).contains("IOPS"));
    }

    @Test
    void neverReleasesMoreThanItAllocated() {
        StorageNode node = node(100, 0);
        node.reserve(thick(1), LIMIT);

        assertThatThrownBy(() -> node.release(thick(2))).isInstanceOf(IllegalStateException.class);
    }
}
