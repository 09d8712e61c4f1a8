package dev.strata.examples.capacityplan;

import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.node.Location;
import dev.strata.domain.node.LocationFilter;
import dev.strata.domain.node.NodeDeclaration;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.NodeState;
import dev.strata.domain.node.OvercommitLimit;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.placement.CapacityLedger;
import dev.strata.domain.placement.Placement;
import dev.strata.domain.placement.PlacementPolicy;
import dev.strata.domain.placement.PlacementRequest;
import dev.strata.domain.tenant.Tenant;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Provisioning;
import dev.strata.domain.volume.StorageClass;
import dev.strata.domain.volume.VolumeSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A capacity plan, made with Strata's domain alone: do these volumes fit these nodes and racks?
 * Each volume is placed in turn as Strata would place it ({@link PlacementPolicy}), and the room of
 * those that fit is taken ({@link CapacityLedger}), so later volumes see what earlier ones took.
 * The report says where each volume went, or why it was refused, node by node.
 *
 * <p>A plan is lines of text (sizes in GiB; {@code #} starts a comment):
 * <pre>
 * overcommit 2.0                  (optional; default 4.0)
 * budget 250                      (optional: the tenant's budget; none means the pool is the limit)
 * node n1 rack=r1 capacity=100 [zone=z1] [state=maintenance]
 * volume db size=60 replicas=2 [thin reserve=10] [same-rack]
 * </pre>
 */
public final class CapacityPlan {

    private static final Instant NOW = Instant.EPOCH;

    private final OvercommitLimit overcommit;
    private final Optional<Long> budgetGiB;
    private final List<StorageNode> nodes;
    private final List<VolumeSpec> volumes;

    private CapacityPlan(OvercommitLimit overcommit, Optional<Long> budgetGiB, List<StorageNode> nodes,
                         List<VolumeSpec> volumes) {
        this.overcommit = overcommit;
        this.budgetGiB = budgetGiB;
        this.nodes = nodes;
        this.volumes = volumes;
    }

    /** {@code capacity-plan [PLAN-FILE]}: without a file, the sample plan. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; the exit status: 0, or 2 when the plan cannot be read. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            List<String> lines = args.length == 0 ? sample() : Files.readAllLines(Path.of(args[0]));
            out.print(parse(lines).report());
            return 0;
        } catch (IOException e) {
            err.println("capacity-plan: cannot read " + args[0] + ": " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("capacity-plan: " + e.getMessage());
            return 2;
        }
    }

    static List<String> sample() {
        try (InputStream in = CapacityPlan.class.getResourceAsStream("sample.plan")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a plan; a line it does not understand is refused naming its number. */
    static CapacityPlan parse(List<String> lines) {
        OvercommitLimit overcommit = OvercommitLimit.DEFAULT;
        Optional<Long> budget = Optional.empty();
        List<StorageNode> nodes = new ArrayList<>();
        List<VolumeSpec> volumes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split("\\s+");
            try {
                switch (words[0]) {
                    case "overcommit" -> overcommit = new OvercommitLimit(Double.parseDouble(value(words, 1)));
                    case "budget" -> budget = Optional.of(Long.parseLong(value(words, 1)));
                    case "node" -> nodes.add(node(value(words, 1), options(words), nodes.size() + 1));
                    case "volume" -> volumes.add(volume(value(words, 1), options(words)));
                    default -> throw new IllegalArgumentException("expected overcommit, budget, node or volume");
                }
            } catch (IllegalArgumentException | DomainException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new CapacityPlan(overcommit, budget, nodes, volumes);
    }

    private static String value(String[] words, int index) {
        if (words.length <= index) {
            throw new IllegalArgumentException(words[0] + " needs a value");
        }
        return words[index];
    }

    /** The words after the name: {@code key=value}, or a bare flag (mapped to ""). */
    private static Map<String, String> options(String[] words) {
        Map<String, String> options = new HashMap<>();
        for (int i = 2; i < words.length; i++) {
            String[] pair = words[i].split("=", 2);
            options.put(pair[0], pair.length == 2 ? pair[1] : "");
        }
        return options;
    }

    private static long gib(Map<String, String> options, String key, long fallback) {
        String value = options.remove(key);
        return value == null ? fallback : Long.parseLong(value);
    }

    private static void requireUsed(Map<String, String> options) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown " + String.join(", ", options.keySet()));
        }
    }

    private static StorageNode node(String name, Map<String, String> options, int number) {
        Location location = new Location(options.remove("rack"), options.remove("zone"), null);
        long capacity = Bytes.ofGiB("capacity", gib(options, "capacity", 0));
        NodeState state = NodeState.parse("state", options.getOrDefault("state", "available"));
        options.remove("state");
        requireUsed(options);
        // the management address is not part of a plan; each node gets one of its own
        NodeDeclaration declaration = new NodeDeclaration(List.of("192.0.2." + number), NodeDeclaration.DEFAULT_MGMT_PORT,
                name, location, null, capacity, 0, 0, null);
        StorageNode node = StorageNode.register(new NodeId(name), number, declaration, NOW);
        node.changeState(state, NOW);
        return node;
    }

    private static VolumeSpec volume(String name, Map<String, String> options) {
        long size = Bytes.ofGiB("size", gib(options, "size", 0));
        int replicas = (int) gib(options, "replicas", 1);
        Provisioning provisioning = options.remove("thin") != null ? Provisioning.THIN : Provisioning.THICK;
        int reserve = (int) gib(options, "reserve", VolumeSpec.DEFAULT_RESERVED_SPACE_PERCENTAGE);
        StorageClass storageClass = new StorageClass(replicas, LocationFilter.ANY, options.remove("same-rack") != null,
                4096, 0, 0, 0, 0, 0, "");
        requireUsed(options);
        return new VolumeSpec(name, size, provisioning, reserve, null, storageClass);
    }

    /** Places every volume in turn, taking the room of those that fit, and says how it went. */
    String report() {
        StringBuilder out = new StringBuilder();
        long racks = nodes.stream().map(PlacementPolicy::rackOf).distinct().count();
        out.append("Capacity plan: ").append(nodes.size()).append(" nodes in ").append(racks)
                .append(" racks, overcommit ").append(overcommit).append(", ")
                .append(budgetGiB.map(b -> "tenant budget " + b + " GiB").orElse("no tenant budget")).append("\n\n");
        Tenant tenant = budgetGiB
                .map(b -> Tenant.create(new TenantId("plan"), "", b * Bytes.GIB, 0, 0, NOW))
                .orElseGet(() -> Tenant.restore(TenantId.DEFAULT, "", 0, 0, 0, 0, NOW));
        CapacityLedger ledger = new CapacityLedger(overcommit);
        for (VolumeSpec volume : volumes) {
            StorageClass storageClass = volume.storageClass();
            PlacementRequest request = PlacementRequest.forNewVolume(storageClass.numReplicas(),
                    volume.replicaAllocation(), storageClass.filter(), storageClass.sameRackAllowed());
            String what = String.format("%-8s %4d GiB %-5s x%d", volume.alias(), Bytes.toGiB(volume.capacity()),
                    volume.provisioning(), storageClass.numReplicas());
            Placement placement = PlacementPolicy.place(nodes, request, overcommit);
            if (!placement.succeeded()) {
                out.append("refused  ").append(what).append("  InsufficientCapacity: ")
                        .append(placement.chosen().size()).append(" of ").append(nodes.size())
                        .append(" nodes qualify\n");
                placement.passedOver().forEach((node, why) ->
                        out.append(String.format("           %-4s %s%n", node, why)));
                continue;
            }
            try {
                List<StorageNode> on = ledger.place(tenant, nodes, request);
                out.append("fits     ").append(what).append("  on ")
                        .append(on.stream().map(StorageNode::name).collect(Collectors.joining(", "))).append('\n');
            } catch (DomainException refused) {
                out.append("refused  ").append(what).append("  ").append(refused.code().code()).append(": ")
                        .append(refused.getMessage()).append('\n');
            }
        }
        out.append("\nNodes after the plan:\n");
        for (StorageNode node : nodes) {
            out.append(String.format("  %-4s rack %-3s %-11s %4d of %4d GiB taken, %4d GiB promised%n", node.name(),
                    node.location().rack(), node.state().label(), Bytes.toGiB(node.allocated().capacity()),
                    Bytes.toGiB(node.totalCapacity()), Bytes.toGiB(node.provisionedCapacity())));
        }
        out.append(String.format("Tenant consumes %d GiB%n", Bytes.toGiB(tenant.consumed())));
        return out.toString();
    }
}
