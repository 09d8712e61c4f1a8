package dev.strata.domain.access;

/** Where Strata checks who a caller is. */
public enum AuthMode {
    /** Users and passwords in Strata's own database. */
    LOCAL,
    /** Binds against an LDAP directory; groups map to roles. */
    LDAP,
    /** JWTs from an OpenID Connect issuer; a claim maps to roles. */
    OPEN_IDC,
    /** No authentication: every caller is an administrator. Loopback only. */
    NONE
}
