package dev.strata.application.port.in.cluster;

/** How many degraded volumes the summary lists at most (the count is always complete). */
public record ClusterSummaryQuery(int faultLimit) {

    public static final int DEFAULT_FAULT_LIMIT = 100;
    public static final int MAX_FAULT_LIMIT = 1000;

    public ClusterSummaryQuery {
        if (faultLimit < 1 || faultLimit > MAX_FAULT_LIMIT) {
            throw dev.strata.domain.DomainException.invalidInput(
                    "faultLimit must be between 1 and " + MAX_FAULT_LIMIT);
        }
    }
}
