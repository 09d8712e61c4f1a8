package dev.strata.application.fake;

import dev.strata.application.contract.AccountingContract;
import dev.strata.application.contract.Ports;

class InMemoryAccountingTest extends AccountingContract {

    private final Ports ports = Ports.inMemory(new InMemoryPublications());

    @Override
    protected Ports ports() {
        return ports;
    }
}
