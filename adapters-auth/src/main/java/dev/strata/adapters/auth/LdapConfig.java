package dev.strata.adapters.auth;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import dev.strata.domain.access.RoleMap;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the directory is and how to find a user and their groups. Built from the operator's
 * {@code --ldap-*} settings, which it checks, saying what is wrong in one line that names the flag.
 *
 * @param host            the directory's host
 * @param port            its port (389 for {@code ldap://}, 636 for {@code ldaps://} unless given)
 * @param ldaps           TLS from the first byte ({@code ldaps://})
 * @param startTls        {@code ldap://} upgraded with StartTLS before anything is sent
 * @param caFile          PEM CA certificates to trust for the directory's certificate; the JVM's
 *                        trusted CAs when absent
 * @param userDnTemplate  the user's DN with {@code {0}} for the login name, or empty to search
 * @param userSearchBase  where to search for the user (when there is no template)
 * @param userSearchFilter the search, with {@code {0}} for the login name
 * @param bindDn          the service account searches run as, if any (else as the user)
 * @param bindPassword    its password
 * @param groupSearchBase where the groups are; no groups (so no roles) without it
 * @param groupFilter     the groups of a user, with {@code {dn}} for the user's DN and {@code {0}}
 *                        for the login name
 * @param roleMap         group name ({@code cn}) to Strata role
 */
public record LdapConfig(
        String host,
        int port,
        boolean ldaps,
        boolean startTls,
        Optional<Path> caFile,
        Optional<String> userDnTemplate,
        Optional<String> userSearchBase,
        String userSearchFilter,
        Optional<String> bindDn,
        Optional<String> bindPassword,
        Optional<String> groupSearchBase,
        String groupFilter,
        RoleMap roleMap) {

    public static final String DEFAULT_USER_SEARCH_FILTER = "(uid={0})";
    public static final String DEFAULT_GROUP_FILTER = "(member={dn})";

    public LdapConfig {
        if (ldaps && startTls) {
            throw new IllegalArgumentException("--ldap-starttls upgrades an ldap:// URL; an ldaps:// URL is TLS"
                    + " already");
        }
        if (userDnTemplate.isPresent() && userSearchBase.isPresent()) {
            throw new IllegalArgumentException("give either --ldap-user-dn-template or --ldap-user-search-base,"
                    + " not both");
        }
        if (userDnTemplate.isEmpty() && userSearchBase.isEmpty()) {
            throw new IllegalArgumentException("--auth-mode LDAP needs --ldap-user-dn-template (e.g."
                    + " uid={0},ou=people,dc=example,dc=org) or --ldap-user-search-base");
        }
        userDnTemplate.ifPresent(template -> {
            if (!template.contains("{0}")) {
                throw new IllegalArgumentException("--ldap-user-dn-template must hold {0} where the user name goes");
            }
        });
        if (!userSearchFilter.contains("{0}")) {
            throw new IllegalArgumentException("--ldap-user-search-filter must hold {0} where the user name goes");
        }
        checkFilter("--ldap-user-search-filter", userSearchFilter);
        checkFilter("--ldap-group-filter", groupFilter);
        if (bindDn.isPresent() != bindPassword.isPresent()) {
            throw new IllegalArgumentException("--ldap-bind-dn and --ldap-bind-password go together");
        }
        if (!roleMap.isEmpty() && groupSearchBase.isEmpty()) {
            throw new IllegalArgumentException("--ldap-role-map needs --ldap-group-search-base to find the groups");
        }
        caFile.ifPresent(file -> {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("--ldap-ca-file " + file + " cannot be read");
            }
        });
    }

    private static void checkFilter(String flag, String filter) {
        try {
            Filter.create(filter.replace("{0}", "x").replace("{dn}", "x"));
        } catch (LDAPException e) {
            throw new IllegalArgumentException(flag + " is not an LDAP filter: " + filter);
        }
    }

    /** The settings as the operator gives them; {@code url} is {@code ldap://host[:port]} or {@code ldaps://…}. */
    public static LdapConfig of(String url, boolean startTls, Optional<Path> caFile, Optional<String> userDnTemplate,
                                Optional<String> userSearchBase, Optional<String> userSearchFilter,
                                Optional<String> bindDn, Optional<String> bindPassword,
                                Optional<String> groupSearchBase, Optional<String> groupFilter, RoleMap roleMap) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("--auth-mode LDAP needs --ldap-url (ldap://host:389 or"
                    + " ldaps://host:636)");
        }
        URI parsed;
        try {
            parsed = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--ldap-url is not a URL: " + url);
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ldap") && !scheme.equals("ldaps")) {
            throw new IllegalArgumentException("--ldap-url must start with ldap:// or ldaps://: " + url);
        }
        if (parsed.getHost() == null) {
            throw new IllegalArgumentException("--ldap-url names no host: " + url);
        }
        if (parsed.getPath() != null && !parsed.getPath().isEmpty() && !parsed.getPath().equals("/")) {
            throw new IllegalArgumentException("--ldap-url is only scheme, host and port; give the DNs with the"
                    + " other --ldap-* settings");
        }
        boolean ldaps = scheme.equals("ldaps");
        int port = parsed.getPort() > 0 ? parsed.getPort() : ldaps ? 636 : 389;
        String host = parsed.getHost().startsWith("[") ? parsed.getHost().substring(1, parsed.getHost().length() - 1)
                : parsed.getHost();
        return new LdapConfig(host, port, ldaps, startTls, caFile, blankless(userDnTemplate),
                blankless(userSearchBase), blankless(userSearchFilter).orElse(DEFAULT_USER_SEARCH_FILTER),
                blankless(bindDn), bindPassword.filter(p -> !p.isEmpty()), blankless(groupSearchBase),
                blankless(groupFilter).orElse(DEFAULT_GROUP_FILTER), roleMap);
    }

    private static Optional<String> blankless(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty());
    }

    /** {@code ldaps://host:636} or {@code ldap://host:389 (StartTLS)}, for logs. */
    public String address() {
        return (ldaps ? "ldaps://" : "ldap://") + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port
                + (startTls ? " (StartTLS)" : "");
    }

    /** Never shows the service account's password. */
    @Override
    public String toString() {
        return "LdapConfig[" + address() + ", user " + userDnTemplate.orElse(userSearchBase.orElse("") + " "
                + userSearchFilter) + ", bind " + bindDn.orElse("(as the user)") + ", groups "
                + groupSearchBase.map(base -> base + " " + groupFilter).orElse("(none)") + ", roles " + roleMap + "]";
    }
}
