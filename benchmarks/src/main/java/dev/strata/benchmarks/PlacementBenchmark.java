package dev.strata.benchmarks;

import dev.strata.domain.Bytes;
import dev.strata.domain.node.Allocation;
import dev.strata.domain.node.Location;
import dev.strata.domain.node.LocationFilter;
import dev.strata.domain.node.NodeDeclaration;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.NodeState;
import dev.strata.domain.node.OvercommitLimit;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.placement.Placement;
import dev.strata.domain.placement.PlacementPolicy;
import dev.strata.domain.placement.PlacementRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Placement of one volume among 1,000 and 10,000 nodes: 50 racks, 4 zones, a tenth in maintenance,
 * usage spread from empty to nearly full. Sampled, so JMH reports percentiles.
 *
 * <p>{@code place*}: {@link PlacementPolicy#place} over every node, as a refusal (and adding a
 * replica) does. {@code firstFit*}: what a create does, {@link PlacementPolicy#firstFit} over the
 * nodes least used first. {@code sortOncePerCommit}: what keeping them in that order costs, once per
 * commit (a batch of creates).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PlacementBenchmark {

    @Param({"1000", "10000"})
    int nodes;

    private List<StorageNode> candidates;
    private List<StorageNode> leastUsedFirst;
    private PlacementRequest threeReplicasAnyZone;
    private PlacementRequest oneReplicaInOneZone;

    @Setup
    public void buildThePool() {
        Random random = new Random(42);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        candidates = new ArrayList<>(nodes);
        for (int i = 1; i <= nodes; i++) {
            NodeDeclaration declaration = new NodeDeclaration(List.of("10." + (i >> 16 & 255) + "." + (i >> 8 & 255)
                    + "." + (i & 255)), 8090, "node-" + i, new Location("rack-" + (i % 50), "zone-" + (i % 4), "eu"),
                    null, 100_000 * Bytes.GIB, 0, 0, null);
            StorageNode node = StorageNode.register(NodeId.generate(), i, declaration, now);
            long used = random.nextInt(99_000) * Bytes.GIB;
            node.reserve(new Allocation(used, used * 2, 0, 0), OvercommitLimit.DEFAULT);
            if (i % 10 == 0) {
                node.changeState(NodeState.MAINTENANCE, now);
            }
            candidates.add(node);
        }
        leastUsedFirst = new ArrayList<>(candidates);
        leastUsedFirst.sort(PlacementPolicy.LEAST_USED_FIRST);
        Allocation thin = new Allocation(10 * Bytes.GIB, 100 * Bytes.GIB, 0, 0);
        threeReplicasAnyZone = PlacementRequest.forNewVolume(3, thin, LocationFilter.ANY, false);
        oneReplicaInOneZone = PlacementRequest.forNewVolume(1, thin,
                new LocationFilter(null, List.of("zone-2"), null), false);
    }

    @Benchmark
    public Placement threeReplicasOnDistinctRacks() {
        return PlacementPolicy.place(candidates, threeReplicasAnyZone, OvercommitLimit.DEFAULT);
    }

    @Benchmark
    public Placement oneReplicaInOneZone() {
        return PlacementPolicy.place(candidates, oneReplicaInOneZone, OvercommitLimit.DEFAULT);
    }

    @Benchmark
    public Optional<List<StorageNode>> firstFitThreeReplicasOnDistinctRacks() {
        return PlacementPolicy.firstFit(leastUsedFirst, threeReplicasAnyZone, OvercommitLimit.DEFAULT);
    }

    @Benchmark
    public Optional<List<StorageNode>> firstFitOneReplicaInOneZone() {
        return PlacementPolicy.firstFit(leastUsedFirst, oneReplicaInOneZone, OvercommitLimit.DEFAULT);
    }

    @Benchmark
    public List<StorageNode> sortOncePerCommit() {
        List<StorageNode> sorted = new ArrayList<>(candidates);
        sorted.sort(PlacementPolicy.LEAST_USED_FIRST);
        return sorted;
    }
}
