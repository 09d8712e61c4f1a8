package dev.strata.application.service;

import dev.strata.application.port.out.Snapshots;
import dev.strata.application.port.out.Volumes;
import dev.strata.domain.DomainException;
import dev.strata.domain.tenant.Tenant;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Snapshot;
import dev.strata.domain.volume.SnapshotId;
import dev.strata.domain.volume.Volume;
import dev.strata.domain.volume.VolumeId;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A tenant's volumes or snapshots, looked up as every use case must: another tenant's is as
 * unknown as a missing one, and a create that repeats an earlier one answers with what that one
 * made. Call inside a transaction.
 *
 * @param <I> the id type
 * @param <T> what is owned
 */
final class Owned<I, T> {

    private final String kind;
    private final Function<I, Optional<T>> byId;
    private final BiFunction<TenantId, String, Optional<T>> byAlias;
    private final Function<T, TenantId> owner;
    private final Function<T, I> idOf;
    private final Taken<I> taken;

    /** Whether the id (of any tenant) or the tenant's alias may be in use; true when unsure. */
    private interface Taken<I> {
        boolean maybe(Optional<I> id, TenantId tenant, String alias);
    }

    private Owned(String kind, Function<I, Optional<T>> byId, BiFunction<TenantId, String, Optional<T>> byAlias,
                  Function<T, TenantId> owner, Function<T, I> idOf, Taken<I> taken) {
        this.kind = kind;
        this.byId = byId;
        this.byAlias = byAlias;
        this.owner = owner;
        this.idOf = idOf;
        this.taken = taken;
    }

    static Owned<VolumeId, Volume> volumes(Volumes volumes) {
        return new Owned<>("volume", volumes::find, volumes::findByAlias, Volume::tenant, Volume::id,
                volumes::anyWithIdOrAlias);
    }

    static Owned<SnapshotId, Snapshot> snapshots(Snapshots snapshots) {
        return new Owned<>("snapshot", snapshots::find, snapshots::findByAlias, Snapshot::tenant, Snapshot::id,
                (id, tenant, alias) -> true);
    }

    /** The tenant's one with this id, or 404. */
    T get(Tenant tenant, I id) {
        return byId.apply(id).filter(found -> owner.apply(found).equals(tenant.id()))
                .orElseThrow(() -> DomainException.notExists(kind + " " + id + " does not exist"));
    }

    /** The tenant's one with this alias, or 404. */
    T byAlias(Tenant tenant, String alias) {
        return byAlias.apply(tenant.id(), alias).orElseThrow(() ->
                DomainException.notExists("tenant " + tenant.id() + " has no " + kind + " with that alias"));
    }

    /**
     * What an earlier, equal request made, if this create repeats one: the same id (or, without an
     * id, the same alias) in the same tenant, with a request it {@code answers}. An id or an alias
     * that belongs to a different one is refused with AlreadyExists.
     */
    Optional<T> repeated(Tenant tenant, Optional<I> requestedId, String alias, Predicate<T> answers) {
        if (!taken.maybe(requestedId, tenant.id(), alias)) {
            return Optional.empty();
        }
        if (requestedId.isPresent()) {
            Optional<T> found = byId.apply(requestedId.get());
            if (found.isPresent()) {
                T existing = found.get();
                if (owner.apply(existing).equals(tenant.id()) && answers.test(existing)) {
                    return found;
                }
                throw DomainException.alreadyExists(kind + " " + idOf.apply(existing) + " exists with a different spec");
            }
        }
        Optional<T> named = byAlias.apply(tenant.id(), alias);
        if (named.isPresent()) {
            T existing = named.get();
            if (requestedId.isEmpty() && answers.test(existing)) {
                return named;
            }
            throw DomainException.alreadyExists("alias '" + alias + "' belongs to " + kind + " " + idOf.apply(existing));
        }
        return Optional.empty();
    }
}
