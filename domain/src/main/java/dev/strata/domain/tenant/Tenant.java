package dev.strata.domain.tenant;

import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.Text;
import java.time.Instant;
import java.util.Objects;

/**
 * A tenant: an owner of volumes and snapshots with a hard capacity budget. {@link #consumed()} is
 * the media its replicas and snapshot reserves take, kept up to date by every change.
 *
 * <p>The default tenant "0" has no budget of its own: its capacity is the whole pool, and the
 * nodes refuse what does not fit.
 */
public final class Tenant {

    public static final int MAX_NAME = 255;
    /** The largest budget a tenant may have: 1 EiB, well past any pool, far from overflow. */
    public static final long MAX_BUDGET = 1L << 60;

    private final TenantId id;
    private String name;
    private long capacity;
    private long totalIops;
    private long totalBandwidth;
    private long consumed;
    private final Instant createdAt;

    private Tenant(TenantId id, String name, long capacity, long totalIops, long totalBandwidth, long consumed,
                   Instant createdAt) {
        this.id = Objects.requireNonNull(id);
        this.name = name;
        this.capacity = capacity;
        this.totalIops = totalIops;
        this.totalBandwidth = totalBandwidth;
        if (consumed < 0) {
            throw new IllegalArgumentException("a tenant never consumes less than nothing");
        }
        this.consumed = consumed;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** A new tenant with nothing consumed. An empty name becomes the id. */
    public static Tenant create(TenantId id, String name, long capacity, long totalIops, long totalBandwidth,
                                Instant now) {
        if (id.isDefault()) {
            throw DomainException.alreadyExists("tenant 0 is the default tenant and always exists");
        }
        return new Tenant(id, validName(name, id), budget("capacity", capacity), figure("totalIOPS", totalIops),
                figure("totalBW", totalBandwidth), 0, now);
    }

    /** For the persistence mapper only: a tenant as it was stored. */
    public static Tenant restore(TenantId id, String name, long capacity, long totalIops, long totalBandwidth,
                                 long consumed, Instant createdAt) {
        return new Tenant(id, name, capacity, totalIops, totalBandwidth, consumed, createdAt);
    }

    /**
     * This tenant as reported over a pool of {@code poolCapacity} bytes: the default tenant's
     * capacity is the pool's, any other keeps its own budget.
     */
    public Tenant reportedOver(long poolCapacity) {
        if (!isDefault()) {
            return this;
        }
        return restore(id, name, poolCapacity, totalIops, totalBandwidth, consumed, createdAt);
    }

    public Tenant copy() {
        return restore(id, name, capacity, totalIops, totalBandwidth, consumed, createdAt);
    }

    private static String validName(String name, TenantId id) {
        String checked = Text.optional("name", name, MAX_NAME);
        return checked.isBlank() ? id.value() : checked;
    }

    private static long budget(String field, long value) {
        if (value < 0) {
            throw DomainException.invalidInput(field + " must not be negative");
        }
        if (value > MAX_BUDGET) {
            throw DomainException.invalidInput(field + " must be at most " + Bytes.toGiB(MAX_BUDGET) + " GiB");
        }
        return value;
    }

    private static long figure(String field, long value) {
        if (value < 0) {
            throw DomainException.invalidInput(field + " must not be negative");
        }
        if (value > Long.MAX_VALUE / 4) {
            throw DomainException.invalidInput(field + " is too large");
        }
        return value;
    }

    /** True when a request with these values is a repeat of the one that created this tenant. */
    public boolean answers(String wantedName, long wantedCapacity, long wantedIops, long wantedBandwidth) {
        return name.equals(validName(wantedName, id)) && capacity == wantedCapacity && totalIops == wantedIops
                && totalBandwidth == wantedBandwidth;
    }

    public void rename(String newName) {
        requireOwnBudget();
        name = validName(newName, id);
    }

    /** Sets the budget; never below what is already consumed. */
    public void changeCapacity(long newCapacity) {
        requireOwnBudget();
        budget("capacity", newCapacity);
        if (newCapacity < consumed) {
            throw DomainException.invalidInput("capacity must not be below the " + Bytes.toGiB(consumed)
                    + " GiB tenant " + id + " already consumes");
        }
        capacity = newCapacity;
    }

    public void changeLimits(long newIops, long newBandwidth) {
        requireOwnBudget();
        totalIops = figure("totalIOPS", newIops);
        totalBandwidth = figure("totalBW", newBandwidth);
    }

    private void requireOwnBudget() {
        if (isDefault()) {
            throw DomainException.invalidInput("tenant 0 is the default tenant: its capacity is the pool's and it "
                    + "cannot be changed");
        }
    }

    /** Why charging {@code bytes} would break the budget, or "" when it would not. */
    public String budgetRefusal(long bytes) {
        if (isDefault() || bytes <= capacity - consumed) {
            return "";
        }
        return "tenant " + id + " would consume " + Bytes.toGiB(Bytes.ceilToGiB(Bytes.saturatedAdd(consumed, bytes)))
                + " GiB of its " + Bytes.toGiB(capacity) + " GiB budget";
    }

    /** Charges media to the tenant; refused with {@code TenantBudgetExceeded} beyond its budget. */
    public void charge(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("a charge is never negative");
        }
        String refusal = budgetRefusal(bytes);
        if (!refusal.isEmpty()) {
            throw new DomainException(ErrorCode.TENANT_BUDGET_EXCEEDED, refusal);
        }
        consumed = Math.addExact(consumed, bytes);
    }

    /** Gives back what a deleted replica or snapshot was charged. */
    public void refund(long bytes) {
        if (bytes < 0 || bytes > consumed) {
            throw new IllegalStateException("tenant " + id + " would be refunded more than it consumed");
        }
        consumed -= bytes;
    }

    public boolean isDefault() {
        return id.isDefault();
    }

    public TenantId id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The budget in bytes; for the default tenant, whatever the pool holds (see the class comment). */
    public long capacity() {
        return capacity;
    }

    public long totalIops() {
        return totalIops;
    }

    public long totalBandwidth() {
        return totalBandwidth;
    }

    public long consumed() {
        return consumed;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
