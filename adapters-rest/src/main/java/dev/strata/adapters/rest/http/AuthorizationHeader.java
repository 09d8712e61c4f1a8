package dev.strata.adapters.rest.http;

import dev.strata.application.port.in.access.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** Reads an {@code Authorization} header into credentials. Never logs or echoes it. */
public final class AuthorizationHeader {

    private AuthorizationHeader() {
    }

    public static Credentials parse(String header) {
        if (header == null || header.isBlank()) {
            return new Credentials.None();
        }
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space < 0) {
            return new Credentials.Malformed("no authentication scheme");
        }
        String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
        String rest = value.substring(space + 1).strip();
        if (scheme.equals("basic")) {
            try {
                String decoded = new String(Base64.getDecoder().decode(rest), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    return new Credentials.Malformed("Basic credentials without ':'");
                }
                return new Credentials.Basic(decoded.substring(0, colon), decoded.substring(colon + 1));
            } catch (IllegalArgumentException notBase64) {
                return new Credentials.Malformed("Basic credentials are not base64");
            }
        }
        if (scheme.equals("bearer")) {
            return rest.isEmpty() ? new Credentials.Malformed("empty Bearer token") : new Credentials.Bearer(rest);
        }
        return new Credentials.Malformed("unsupported authentication scheme");
    }
}
