package dev.strata.adapters.persistence;

import static dev.strata.application.mother.NodeDeclarations.aNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.application.contract.AccessContract;
import dev.strata.application.port.out.AccessTokens;
import dev.strata.application.port.out.Roles;
import dev.strata.application.port.out.Sessions;
import dev.strata.application.port.out.Transactions;
import dev.strata.application.port.out.Users;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.StorageNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

public class SqliteAccessTest extends AccessContract {

    @RegisterExtension
    final TemporaryDatabase sqlite = temporary();

    /** The kind of database the contract runs on; a subclass runs it on another. */
    protected TemporaryDatabase temporary() {
        return TemporaryDatabase.sqlite();
    }

    /** The cache of resolved callers is keyed on the access count: a create must not move it. */
    @Test
    void onlyWritesThatChangeWhoACredentialIsMoveTheAccessCount() {
        Transactions transactions = transactions();
        long access = transactions.committedAccessWrites();
        long writes = transactions.committedWrites();

        transactions.write(() -> sqlite.database().nodes().add(StorageNode.register(NodeId.generate(), 1,
                aNode().build(), Instant.parse("2026-12-04T00:00:00Z"))));
        assertThat(transactions.committedWrites()).isGreaterThan(writes);
        assertThat(transactions.committedAccessWrites()).isEqualTo(access);

        transactions.write(() -> sqlite.database().loginFailures().add("someone", Instant.parse("2026-12-04T00:00:00Z")));
        assertThat(transactions.committedAccessWrites()).isGreaterThan(access);
        long afterLockout = transactions.committedAccessWrites();

        assertThatThrownBy(() -> transactions.write(() -> {
            sqlite.database().loginFailures().clear("someone");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(transactions.committedAccessWrites()).as("a write that rolled back changed nothing")
                .isEqualTo(afterLockout);
    }

    @Override
    protected Users users() {
        return sqlite.database().users();
    }

    @Override
    protected Roles roles() {
        return sqlite.database().roles();
    }

    @Override
    protected Sessions sessions() {
        return sqlite.database().sessions();
    }

    @Override
    protected AccessTokens accessTokens() {
        return sqlite.database().accessTokens();
    }

    @Override
    protected Transactions transactions() {
        return sqlite.database().transactions();
    }
}
