package dev.strata.adapters.persistence;

import dev.strata.application.contract.Ports;

/** Every port from one SQLite database. */
final class SqlitePorts {

    private SqlitePorts() {
    }

    static Ports of(SqliteDatabase database) {
        return new Ports(database.nodes(), database.tenants(), database.volumes(), database.snapshots(),
                database.hosts(), database.publications(), database.auditLog(), database.transactions());
    }
}
