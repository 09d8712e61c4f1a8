package dev.strata.domain.access;

/** Where a request came from, for the audit log: its request id and the client's address. */
public record RequestOrigin(String requestId, String sourceIp) {

    public static final RequestOrigin INTERNAL = new RequestOrigin("", "");

    public RequestOrigin {
        requestId = requestId == null ? "" : requestId;
        sourceIp = sourceIp == null ? "" : sourceIp;
    }
}
