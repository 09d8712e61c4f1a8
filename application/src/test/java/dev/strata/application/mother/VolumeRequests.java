package dev.strata.application.mother;

import dev.strata.application.port.in.volume.CreateVolumeCommand;
import dev.strata.domain.Bytes;
import dev.strata.domain.node.LocationFilter;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Provisioning;
import dev.strata.domain.volume.StorageClass;
import dev.strata.domain.volume.VolumeId;
import dev.strata.domain.volume.VolumeSpec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Test volume requests: {@code VolumeRequests.aVolume().thin(10).withReplicas(2).inTenant("acme").build()}. */
public final class VolumeRequests {

    private static final AtomicInteger NEXT_ALIAS = new AtomicInteger(1);

    private String alias = "volume-" + NEXT_ALIAS.getAndIncrement();
    private long capacityGiB = 10;
    private Provisioning provisioning = Provisioning.THICK;
    private int reservedSpacePercentage = VolumeSpec.DEFAULT_RESERVED_SPACE_PERCENTAGE;
    private int replicas = 1;
    private boolean sameRackAllowed;
    private LocationFilter filter = LocationFilter.ANY;
    private long desiredIopsPerGb;
    private long maxReplicaDownTime;
    private Optional<TenantId> tenant = Optional.empty();
    private Optional<VolumeId> id = Optional.empty();

    private VolumeRequests() {
    }

    /** A THICK 10 GiB volume with one replica and a fresh alias, in the caller's tenant. */
    public static VolumeRequests aVolume() {
        return new VolumeRequests();
    }

    public VolumeRequests named(String newAlias) {
        alias = newAlias;
        return this;
    }

    public VolumeRequests thick(long gib) {
        provisioning = Provisioning.THICK;
        capacityGiB = gib;
        return this;
    }

    public VolumeRequests thin(long gib) {
        provisioning = Provisioning.THIN;
        capacityGiB = gib;
        return this;
    }

    public VolumeRequests reserving(int percentage) {
        reservedSpacePercentage = percentage;
        return this;
    }

    public VolumeRequests withReplicas(int count) {
        replicas = count;
        return this;
    }

    public VolumeRequests sameRackAllowed() {
        sameRackAllowed = true;
        return this;
    }

    public VolumeRequests inZones(String... zones) {
        filter = new LocationFilter(filter.racks(), List.of(zones), filter.regions());
        return this;
    }

    public VolumeRequests withDesiredIopsPerGb(long iops) {
        desiredIopsPerGb = iops;
        return this;
    }

    /** Minutes a replica may be Missing before self-healing replaces it; 0 (the default) never. */
    public VolumeRequests healingAfter(long minutes) {
        maxReplicaDownTime = minutes;
        return this;
    }

    public VolumeRequests inTenant(String tenantId) {
        tenant = Optional.of(new TenantId(tenantId));
        return this;
    }

    public VolumeRequests withId(VolumeId volumeId) {
        id = Optional.of(volumeId);
        return this;
    }

    public VolumeSpec spec() {
        return new VolumeSpec(alias, capacityGiB * Bytes.GIB, provisioning, reservedSpacePercentage, null,
                new StorageClass(replicas, filter, sameRackAllowed, 4096, 0, desiredIopsPerGb, 0, 0, maxReplicaDownTime,
                        ""));
    }

    public CreateVolumeCommand build() {
        return new CreateVolumeCommand(tenant, id, spec());
    }
}
