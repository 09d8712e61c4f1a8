package dev.strata.application.contract;

import dev.strata.application.fake.InMemoryLoginFailures;
import dev.strata.application.fake.InMemoryTransactions;
import dev.strata.application.port.out.LoginFailures;
import dev.strata.application.port.out.Transactions;

class InMemoryLoginFailuresTest extends LoginFailuresContract {

    private final InMemoryLoginFailures failures = new InMemoryLoginFailures();
    private final InMemoryTransactions transactions = new InMemoryTransactions().enlist(failures);

    @Override
    protected LoginFailures failures() {
        return failures;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
