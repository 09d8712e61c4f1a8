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
import dev.strata.application.port.out.Users;
import dev.strata.application.port.out.Volumes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The out-ports over JDBI, written once for every database; a subclass brings the connections and
 * the migrations of its dialect.
 */
public abstract class JdbiDatabase implements Database {

    private static final Logger LOG = LoggerFactory.getLogger(JdbiDatabase.class);

    private final Connections connections;
    private final JdbiTransactions transactions;
    private final JdbiNodes nodes;
    private final JdbiAuditLog auditLog;
    private final JdbiUsers users;
    private final JdbiRoles roles;
    private final JdbiSessions sessions;
    private final JdbiAccessTokens accessTokens;
    private final JdbiTenants tenants;
    private final JdbiVolumes volumes;
    private final JdbiSnapshots snapshots;
    private final JdbiHosts hosts;
    private final JdbiTasks tasks;
    private final JdbiHostEvents hostEvents;
    private final JdbiPublications publications;
    private final JdbiNodeAgents nodeAgents;
    private final JdbiLoginFailures loginFailures;

    protected JdbiDatabase(Connections connections) {
        this.connections = connections;
        this.transactions = new JdbiTransactions(connections);
        this.nodes = new JdbiNodes(transactions);
        this.auditLog = new JdbiAuditLog(transactions);
        this.users = new JdbiUsers(transactions);
        this.roles = new JdbiRoles(transactions);
        this.sessions = new JdbiSessions(transactions);
        this.accessTokens = new JdbiAccessTokens(transactions);
        this.tenants = new JdbiTenants(transactions);
        this.volumes = new JdbiVolumes(transactions);
        this.snapshots = new JdbiSnapshots(transactions);
        this.hosts = new JdbiHosts(transactions);
        this.tasks = new JdbiTasks(transactions);
        this.hostEvents = new JdbiHostEvents(transactions);
        this.publications = new JdbiPublications(transactions);
        this.nodeAgents = new JdbiNodeAgents(transactions);
        this.loginFailures = new JdbiLoginFailures(transactions);
    }

    /** Reads the nodes once, so that the first request finds the statements and the rows warm. */
    protected final void warm() {
        nodes.all();
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public Nodes nodes() {
        return nodes;
    }

    @Override
    public AuditLog auditLog() {
        return auditLog;
    }

    @Override
    public Users users() {
        return users;
    }

    @Override
    public Roles roles() {
        return roles;
    }

    @Override
    public Sessions sessions() {
        return sessions;
    }

    @Override
    public AccessTokens accessTokens() {
        return accessTokens;
    }

    @Override
    public Tenants tenants() {
        return tenants;
    }

    @Override
    public Volumes volumes() {
        return volumes;
    }

    @Override
    public Snapshots snapshots() {
        return snapshots;
    }

    @Override
    public Hosts hosts() {
        return hosts;
    }

    @Override
    public Tasks tasks() {
        return tasks;
    }

    @Override
    public HostEvents hostEvents() {
        return hostEvents;
    }

    @Override
    public Publications publications() {
        return publications;
    }

    @Override
    public NodeAgents nodeAgents() {
        return nodeAgents;
    }

    @Override
    public LoginFailures loginFailures() {
        return loginFailures;
    }

    @Override
    public Readiness readiness() {
        return () -> {
            try {
                return transactions.onReader(h -> h.handle().createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
            } catch (RuntimeException e) {
                LOG.warn("The database does not answer: {}", e.toString());
                return false;
            }
        };
    }

    @Override
    public void close() {
        try {
            connections.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the database failed: {}", e.toString());
        }
    }
}
