package dev.strata.application.contract;

import dev.strata.application.fake.InMemoryAccessTokens;
import dev.strata.application.fake.InMemoryRoles;
import dev.strata.application.fake.InMemorySessions;
import dev.strata.application.fake.InMemoryTransactions;
import dev.strata.application.fake.InMemoryUsers;
import dev.strata.application.port.out.AccessTokens;
import dev.strata.application.port.out.Roles;
import dev.strata.application.port.out.Sessions;
import dev.strata.application.port.out.Transactions;
import dev.strata.application.port.out.Users;

class InMemoryAccessTest extends AccessContract {

    private final InMemoryUsers users = new InMemoryUsers();
    private final InMemoryRoles roles = new InMemoryRoles();
    private final InMemorySessions sessions = new InMemorySessions();
    private final InMemoryAccessTokens tokens = new InMemoryAccessTokens();
    private final InMemoryTransactions transactions = new InMemoryTransactions().enlist(users, roles, sessions, tokens);

    @Override
    protected Users users() {
        return users;
    }

    @Override
    protected Roles roles() {
        return roles;
    }

    @Override
    protected Sessions sessions() {
        return sessions;
    }

    @Override
    protected AccessTokens accessTokens() {
        return tokens;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
