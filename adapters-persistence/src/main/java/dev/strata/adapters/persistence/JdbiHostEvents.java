package dev.strata.adapters.persistence;

import dev.strata.application.port.out.HostEvents;
import dev.strata.domain.host.HostEvent;
import java.util.List;

/** {@link HostEvents} over {@code host_events}. */
final class JdbiHostEvents implements HostEvents {

    private final JdbiTransactions transactions;

    JdbiHostEvents(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public HostEvent append(HostEvent event) {
        return event.withId(transactions.writeHandle().dao(HostEventDao.class).insert(HostEventDao.Row.of(event)));
    }

    @Override
    public List<HostEvent> page(long afterId, int limit) {
        return transactions.read(() -> transactions.withHandle(h -> h.dao(HostEventDao.class).page(afterId, limit))
                .stream().map(HostEventDao.Row::toEvent).toList());
    }
}
