package dev.strata.adapters.persistence;

import dev.strata.application.port.out.AccessTokens;
import dev.strata.application.port.out.AuditLog;
import dev.strata.application.port.out.HostEvents;
import dev.strata.application.port.out.Hosts;
import dev.strata.application.port.out.LoginFailures;
import dev.strata.application.port.out.NodeAgents;
import dev.strata.application.port.out.Nodes;
import dev.strata.application.port.out.Publications;
import dev.strata.application.port.out.Readiness;
import dev.strata.application.port.out.Roles;
import dev.strata.application.port.out.Sessions;
import dev.strata.application.port.out.Snapshots;
import dev.strata.application.port.out.Tasks;
import dev.strata.application.port.out.Tenants;
import dev.strata.application.port.out.Transactions;
import dev.strata.application.port.out.Volumes;

/**
 * Strata's database, whichever it is, and the out-ports over it. Made by {@link Databases#at}, its
 * ports exist at once but answer only after {@link #open()}, so a server can wire itself while the
 * database opens beside it. Open it once per process.
 */
public interface Database extends AutoCloseable {

    /** Connects, migrates to the newest schema, and warms the query path; throws a one-line reason if it cannot. */
    void open();

    Transactions transactions();

    Nodes nodes();

    AuditLog auditLog();

    dev.strata.application.port.out.Users users();

    Roles roles();

    Sessions sessions();

    AccessTokens accessTokens();

    Tenants tenants();

    Volumes volumes();

    Snapshots snapshots();

    Hosts hosts();

    Tasks tasks();

    HostEvents hostEvents();

    Publications publications();

    NodeAgents nodeAgents();

    LoginFailures loginFailures();

    Readiness readiness();

    @Override
    void close();
}
