package dev.strata.domain.access;

/** How one request proved who it came from. */
public enum AuthMethod {
    ANONYMOUS("anonymous"),
    NONE("none"),
    BASIC("basic"),
    SESSION("session"),
    ACCESS_TOKEN("access_token"),
    JWT("jwt"),
    LOCAL_CLI("cli");

    private final String label;

    AuthMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
