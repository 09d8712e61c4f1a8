package dev.strata.application.port.in.access;

/** A new access token and its bearer secret, which is shown this once. */
public record IssuedAccessToken(AccessTokenView view, String bearer) {

    @Override
    public String toString() {
        return "IssuedAccessToken[" + view.token().id() + "]";
    }
}
