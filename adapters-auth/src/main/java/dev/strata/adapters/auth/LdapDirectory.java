package dev.strata.adapters.auth;

import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import dev.strata.application.port.out.DirectoryPasswords;
import dev.strata.application.port.out.ExternalIdentity;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.Password;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a password by binding to the directory as the user, over a connection of its own that
 * lives for one check; then reads the user's groups. The user's DN comes from a template, or from a
 * search (as the service account when one is set). TLS ({@code ldaps://} or StartTLS) checks the
 * directory's certificate against the configured CA and its name against the host.
 *
 * <p>Wrong password, unknown or ambiguous user: empty. A directory that does not answer, refuses
 * the TLS handshake or the service account, or fails a search: {@code AuthenticationUnavailable},
 * logged with the reason (never with a password).
 */
public final class LdapDirectory implements DirectoryPasswords {

    private static final Logger LOG = LoggerFactory.getLogger(LdapDirectory.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int RESPONSE_TIMEOUT_MILLIS = 10_000;
    /** Bind answers that mean "not this user with this password", not "the directory is broken". */
    private static final Set<ResultCode> REFUSALS = Set.of(ResultCode.INVALID_CREDENTIALS, ResultCode.NO_SUCH_OBJECT,
            ResultCode.INVALID_DN_SYNTAX, ResultCode.INAPPROPRIATE_AUTHENTICATION, ResultCode.UNWILLING_TO_PERFORM);

    private final LdapConfig config;
    private final SSLContext tls;

    public LdapDirectory(LdapConfig config) {
        this.config = config;
        this.tls = config.ldaps() || config.startTls() ? tlsContext(config) : null;
    }

    private static SSLContext tlsContext(LdapConfig config) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (config.caFile().isPresent()) {
                KeyStore cas = KeyStore.getInstance("PKCS12");
                cas.load(null, null);
                int i = 0;
                try (InputStream in = Files.newInputStream(config.caFile().get())) {
                    for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        cas.setCertificateEntry("ca-" + i++, ca);
                    }
                }
                if (i == 0) {
                    throw new IllegalArgumentException("--ldap-ca-file " + config.caFile().get()
                            + " holds no PEM certificate");
                }
                trust.init(cas);
            } else {
                trust.init((KeyStore) null);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("--ldap-ca-file " + config.caFile().map(Object::toString).orElse("")
                    + " cannot be used: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ExternalIdentity> check(String username, Password password) {
        if (username == null || username.isBlank() || password.reveal().isEmpty()) {
            // An empty password would be an anonymous bind, which many directories accept.
            return Optional.empty();
        }
        try (LDAPConnection connection = connect()) {
            Optional<String> dn = userDn(connection, username);
            if (dn.isEmpty() || !bind(connection, dn.get(), password)) {
                return Optional.empty();
            }
            Set<String> groups = groupsOf(connection, dn.get(), username);
            return Optional.of(new ExternalIdentity(username, config.roleMap().rolesOf(groups)));
        } catch (LDAPException e) {
            LOG.warn("The directory at {} cannot check passwords: {} {}", config.address(), e.getResultCode(),
                    e.getDiagnosticMessage() == null ? e.getMessage() : e.getDiagnosticMessage());
            throw new DomainException(ErrorCode.AUTHENTICATION_UNAVAILABLE,
                    "the directory cannot be reached to check credentials; try again later");
        }
    }

    private LDAPConnection connect() throws LDAPException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(CONNECT_TIMEOUT_MILLIS);
        options.setResponseTimeoutMillis(RESPONSE_TIMEOUT_MILLIS);
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        if (config.ldaps()) {
            return new LDAPConnection(tls.getSocketFactory(), options, config.host(), config.port());
        }
        LDAPConnection connection = new LDAPConnection(options, config.host(), config.port());
        if (config.startTls()) {
            try {
                ExtendedResult upgraded = connection.processExtendedOperation(new StartTLSExtendedRequest(tls));
                if (upgraded.getResultCode() != ResultCode.SUCCESS) {
                    throw new LDAPException(upgraded.getResultCode(), "StartTLS refused: "
                            + upgraded.getDiagnosticMessage());
                }
            } catch (LDAPException e) {
                connection.close();
                throw e;
            }
        }
        return connection;
    }

    /** The user's DN, or empty when no single entry has this name. */
    private Optional<String> userDn(LDAPConnection connection, String username) throws LDAPException {
        if (config.userDnTemplate().isPresent()) {
            return Optional.of(config.userDnTemplate().get().replace("{0}", dnValue(username)));
        }
        bindServiceAccount(connection);
        Filter filter = Filter.create(config.userSearchFilter().replace("{0}", Filter.encodeValue(username)));
        SearchRequest search = new SearchRequest(config.userSearchBase().orElseThrow(), SearchScope.SUB, filter,
                SearchRequest.NO_ATTRIBUTES);
        search.setSizeLimit(2);
        SearchResult found;
        try {
            found = connection.search(search);
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return Optional.empty();
            }
            throw e;
        }
        return found.getEntryCount() == 1 ? Optional.of(found.getSearchEntries().get(0).getDN()) : Optional.empty();
    }

    /** A login name as an attribute value in a DN, escaped so it cannot add or change a component. */
    static String dnValue(String username) {
        String rdn = new RDN("x", username).toString();
        return rdn.substring(rdn.indexOf('=') + 1);
    }

    private boolean bind(LDAPConnection connection, String dn, Password password) throws LDAPException {
        try {
            connection.bind(new SimpleBindRequest(dn, password.reveal()));
            return true;
        } catch (LDAPException e) {
            if (REFUSALS.contains(e.getResultCode())) {
                LOG.debug("The directory refused a bind: {}", e.getResultCode());
                return false;
            }
            throw e;
        }
    }

    private void bindServiceAccount(LDAPConnection connection) throws LDAPException {
        if (config.bindDn().isPresent()) {
            try {
                connection.bind(new SimpleBindRequest(config.bindDn().get(), config.bindPassword().orElseThrow()));
            } catch (LDAPException e) {
                throw new LDAPException(e.getResultCode(), "the service account " + config.bindDn().get()
                        + " cannot bind (--ldap-bind-dn, --ldap-bind-password): " + e.getResultCode());
            }
        }
    }

    /** The names ({@code cn}) of the user's groups; searched as the service account if there is one. */
    private Set<String> groupsOf(LDAPConnection connection, String dn, String username) throws LDAPException {
        Set<String> groups = new LinkedHashSet<>();
        if (config.groupSearchBase().isEmpty()) {
            return groups;
        }
        bindServiceAccount(connection);
        Filter filter = Filter.create(config.groupFilter().replace("{dn}", Filter.encodeValue(dn))
                .replace("{0}", Filter.encodeValue(username)));
        SearchResult found = connection.search(new SearchRequest(config.groupSearchBase().get(), SearchScope.SUB,
                filter, "cn"));
        for (SearchResultEntry group : found.getSearchEntries()) {
            String[] names = group.getAttributeValues("cn");
            if (names != null) {
                groups.addAll(java.util.List.of(names));
            }
        }
        return groups;
    }
}
