/**
 * Strata's domain: storage nodes and where replicas go, tenants and their budgets, volumes,
 * snapshots, hosts and access. A plain library: it requires nothing beyond {@code java.base}.
 */
module dev.strata.domain {
    exports dev.strata.domain;
    exports dev.strata.domain.access;
    exports dev.strata.domain.audit;
    exports dev.strata.domain.host;
    exports dev.strata.domain.node;
    exports dev.strata.domain.placement;
    exports dev.strata.domain.task;
    exports dev.strata.domain.tenant;
    exports dev.strata.domain.volume;
}
