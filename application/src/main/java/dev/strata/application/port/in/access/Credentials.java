package dev.strata.application.port.in.access;

/** What a request presented to prove who it is. */
public sealed interface Credentials {

    /** Nothing presented. */
    record None() implements Credentials {
    }

    /** {@code Authorization: Basic}. */
    record Basic(String username, String password) implements Credentials {
        @Override
        public String toString() {
            return "Basic[" + username + "]";
        }
    }

    /** {@code Authorization: Bearer}: a session token, an access token or a JWT. */
    record Bearer(String token) implements Credentials {
        @Override
        public String toString() {
            return "Bearer[…]";
        }
    }

    /** An {@code Authorization} header Strata does not understand. */
    record Malformed(String reason) implements Credentials {
    }
}
