package dev.strata.domain;

/**
 * A failure the business expects: bad input, a missing resource, a broken rule. It carries a
 * stable {@link ErrorCode} and a sentence for humans; it never carries a secret.
 *
 * <p>These are outcomes, not bugs, so they skip the cost of a stack trace.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;

    public DomainException(ErrorCode code, String description) {
        super(description, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public String description() {
        return getMessage();
    }

    public static DomainException invalidInput(String description) {
        return new DomainException(ErrorCode.INVALID_INPUT, description);
    }

    public static DomainException notExists(String description) {
        return new DomainException(ErrorCode.NOT_EXISTS, description);
    }

    public static DomainException alreadyExists(String description) {
        return new DomainException(ErrorCode.ALREADY_EXISTS, description);
    }

    public static DomainException forbidden(String description) {
        return new DomainException(ErrorCode.FORBIDDEN, description);
    }

    public static DomainException unauthorized(String description) {
        return new DomainException(ErrorCode.UNAUTHORIZED, description);
    }
}
