package dev.strata.bootstrap;

import dev.strata.adapters.auth.LdapConfig;
import dev.strata.adapters.auth.OidcConfig;
import java.util.Optional;

/** The directory of mode {@code LDAP} and the issuer of mode {@code OPEN_IDC}, as far as configured. */
public record DirectorySettings(Optional<LdapConfig> ldap, Optional<OidcConfig> oidc) {

    public static DirectorySettings none() {
        return new DirectorySettings(Optional.empty(), Optional.empty());
    }

    public static DirectorySettings of(LdapConfig ldap) {
        return new DirectorySettings(Optional.of(ldap), Optional.empty());
    }

    public static DirectorySettings of(OidcConfig oidc) {
        return new DirectorySettings(Optional.empty(), Optional.of(oidc));
    }
}
