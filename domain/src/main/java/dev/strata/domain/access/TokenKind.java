package dev.strata.domain.access;

/** The two kinds of bearer token Strata issues, told apart by their prefix. */
public enum TokenKind {
    /** From login; lives 10 hours. */
    SESSION("session-v1:"),
    /** Made on purpose for scripts and services; lives until its expiration, or forever. */
    ACCESS("access-v1:");

    private final String prefix;

    TokenKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public static java.util.Optional<TokenKind> of(String bearer) {
        for (TokenKind kind : values()) {
            if (bearer.startsWith(kind.prefix)) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }
}
