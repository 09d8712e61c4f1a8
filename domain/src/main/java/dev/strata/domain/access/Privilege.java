package dev.strata.domain.access;

/** The unit of authorization. A role is a named set of privileges. */
public enum Privilege {
    PRIVILEGE_CLUSTER_READ("Read cluster information, cluster nodes and metrics"),
    PRIVILEGE_BACKEND_READ("Read storage nodes (backends)"),
    PRIVILEGE_BACKEND_WRITE("Add, update and remove storage nodes (backends)"),
    PRIVILEGE_TENANT_READ("Read tenants"),
    PRIVILEGE_TENANT_WRITE("Create, update and delete tenants"),
    PRIVILEGE_VOLUME_READ("Read volumes, replicas and snapshots"),
    PRIVILEGE_VOLUME_WRITE("Create, change and delete volumes, replicas, snapshots and clones"),
    PRIVILEGE_HOST_READ("Read hosts and targets"),
    PRIVILEGE_HOST_WRITE("Probe and remove hosts, publish and unpublish volumes"),
    PRIVILEGE_LOCAL_USER_READ("Read local users"),
    PRIVILEGE_LOCAL_USER_WRITE("Create, change and delete local users and set their passwords"),
    PRIVILEGE_ROLE_READ("Read roles, their members and the privileges"),
    PRIVILEGE_ROLE_WRITE("Create, change and delete roles and their members"),
    PRIVILEGE_ACCESS_TOKENS_READ("Read other users' access tokens"),
    PRIVILEGE_ACCESS_TOKENS_WRITE("Create, change and delete other users' access tokens"),
    PRIVILEGE_AUDIT_READ("Read the audit log"),
    PRIVILEGE_NODE_AGENT("As a storage node's agent: read its desired state and report what it observed");

    private final String description;

    Privilege(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
