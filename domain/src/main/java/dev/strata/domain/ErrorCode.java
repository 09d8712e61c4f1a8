package dev.strata.domain;

import java.util.Locale;

/**
 * The stable codes every failure carries. Clients branch on {@link #code()}; its snake_case form
 * with an {@code _error} suffix is the Qumulo-style {@link #errorClass()}.
 */
public enum ErrorCode {
    INVALID_INPUT("InvalidInput"),
    UNAUTHORIZED("Unauthorized"),
    FORBIDDEN("Forbidden"),
    NOT_EXISTS("NotExists"),
    ALREADY_EXISTS("AlreadyExists"),
    ALREADY_PUBLISHED("AlreadyPublished"),
    VOLUME_PUBLISHED("VolumePublished"),
    IN_USE("InUse"),
    HAS_SNAPSHOTS("HasSnapshots"),
    HAS_VOLUMES("HasVolumes"),
    TOO_MANY_REPLICAS("TooManyReplicas"),
    TOO_MANY_NAMESPACES("TooManyNamespaces"),
    LAST_REPLICA("LastReplica"),
    REPLICA_TERMINATING("ReplicaTerminating"),
    VOLUME_NOT_PUBLISHED("VolumeNotPublished"),
    TASK_ENDED("TaskEnded"),
    TASK_ALREADY_RUNNING("TaskAlreadyRunning"),
    BUILT_IN_ROLE("BuiltInRole"),
    PRECONDITION_FAILED("PreconditionFailed"),
    INSUFFICIENT_CAPACITY("InsufficientCapacity"),
    TENANT_BUDGET_EXCEEDED("TenantBudgetExceeded"),
    TOO_MANY_ATTEMPTS("TooManyAttempts"),
    TOO_MANY_ACCESS_TOKENS("TooManyAccessTokens"),
    AUTHENTICATION_UNAVAILABLE("AuthenticationUnavailable"),
    /** The database does not answer: try again later; nothing was changed, or the change is not known. */
    UNAVAILABLE("Unavailable"),
    INTERNAL_ERROR("InternalError");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public String errorClass() {
        return snakeCase(code) + "_error";
    }

    /** {@code "TooManyAccessTokens"} becomes {@code "too_many_access_tokens"}. */
    public static String snakeCase(String pascalCase) {
        StringBuilder out = new StringBuilder(pascalCase.length() + 8);
        for (int i = 0; i < pascalCase.length(); i++) {
            char c = pascalCase.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
