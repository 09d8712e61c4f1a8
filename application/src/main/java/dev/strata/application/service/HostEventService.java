package dev.strata.application.service;

import dev.strata.application.Page;
import dev.strata.application.port.in.host.ForwardLogUseCase;
import dev.strata.application.port.in.host.ReadHostEventsUseCase;
import dev.strata.application.port.out.HostEvents;
import dev.strata.application.port.out.Transactions;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.host.HostEvent;

/**
 * Events hosts forward: stored in their own log (read in pages) and audited as {@code host.event}
 * with the same transaction, so they show in the audit view too.
 */
public final class HostEventService implements ForwardLogUseCase, ReadHostEventsUseCase {

    private final HostEvents events;
    private final Transactions transactions;
    private final Mutations mutations;

    public HostEventService(HostEvents events, Transactions transactions, Mutations mutations) {
        this.events = events;
        this.transactions = transactions;
        this.mutations = mutations;
    }

    @Override
    public HostEvent forward(Principal caller, HostEvent event) {
        return mutations.perform(caller, Privilege.PRIVILEGE_HOST_WRITE, "host.event",
                event.host() + " " + event.level() + ": " + abbreviated(event.message()), () -> events.append(event));
    }

    @Override
    public Page<HostEvent> read(Principal caller, long afterId, int limit) {
        caller.require(Privilege.PRIVILEGE_HOST_READ);
        return transactions.read(() -> Page.of(events.page(afterId, limit + 1), limit, e -> String.valueOf(e.id())));
    }

    private static String abbreviated(String message) {
        return message.length() <= 200 ? message : message.substring(0, 200) + "…";
    }
}
