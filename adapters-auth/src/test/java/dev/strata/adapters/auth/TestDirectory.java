package dev.strata.adapters.auth;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import java.net.InetAddress;
import java.util.Arrays;
import javax.net.ssl.SSLContext;

/**
 * A real LDAP server for tests: UnboundID's in-memory directory, listening on a free loopback port,
 * plain, LDAPS or with StartTLS. It holds people, a service account and groups:
 *
 * <pre>
 * uid=dora   dora-password   storage-admins, auditors, unmapped
 * uid=sam    sam-password    auditors
 * uid=nora   nora-password   (no group)
 * cn=strata,ou=services      service-password (may search)
 * </pre>
 */
public final class TestDirectory implements AutoCloseable {

    public static final String BASE = "dc=example,dc=org";
    public static final String PEOPLE = "ou=people," + BASE;
    public static final String GROUPS = "ou=groups," + BASE;
    public static final String USER_DN_TEMPLATE = "uid={0}," + PEOPLE;
    public static final String SERVICE_DN = "cn=strata,ou=services," + BASE;
    public static final String SERVICE_PASSWORD = "service-password";
    public static final String ROLE_MAP = "storage-admins=storage,auditors=monitor";

    private final InMemoryDirectoryServer server;
    private final boolean ldaps;

    private TestDirectory(InMemoryListenerConfig listener, boolean ldaps) {
        this.ldaps = ldaps;
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
            config.setListenerConfigs(listener);
            server = new InMemoryDirectoryServer(config);
            server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
            server.add("dn: " + PEOPLE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
            server.add("dn: " + GROUPS, "objectClass: top", "objectClass: organizationalUnit", "ou: groups");
            server.add("dn: ou=services," + BASE, "objectClass: top", "objectClass: organizationalUnit",
                    "ou: services");
            server.add("dn: " + SERVICE_DN, "objectClass: top", "objectClass: person", "cn: strata", "sn: strata",
                    "userPassword: " + SERVICE_PASSWORD);
            person("dora", "dora-password");
            person("sam", "sam-password");
            person("nora", "nora-password");
            group("storage-admins", "dora");
            group("auditors", "dora", "sam");
            group("unmapped", "dora");
            server.startListening();
        } catch (LDAPException | LDIFException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Plain LDAP, on {@code ldap://127.0.0.1:port}. */
    public static TestDirectory plain() {
        return new TestDirectory(listener(null), false);
    }

    /** StartTLS offered on {@code ldap://}, with this server certificate. */
    public static TestDirectory startTls(SSLContext serverTls) {
        return new TestDirectory(listener(serverTls.getSocketFactory()), false);
    }

    /** TLS from the first byte, {@code ldaps://127.0.0.1:port}, with this server certificate. */
    public static TestDirectory ldaps(SSLContext serverTls) {
        try {
            return new TestDirectory(InMemoryListenerConfig.createLDAPSConfig("ldaps", InetAddress.getLoopbackAddress(),
                    0, serverTls.getServerSocketFactory(), null), true);
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InMemoryListenerConfig listener(javax.net.ssl.SSLSocketFactory startTls) {
        try {
            return InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, startTls);
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds a person ({@code uid=name,ou=people}). */
    public void person(String uid, String password) throws LDAPException, LDIFException {
        server.add("dn: uid=" + uid + "," + PEOPLE, "objectClass: top", "objectClass: person",
                "objectClass: organizationalPerson", "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + uid,
                "sn: " + uid, "userPassword: " + password);
    }

    /** Adds a group ({@code cn=name,ou=groups}) of these people. */
    public void group(String cn, String... uids) throws LDAPException, LDIFException {
        String[] lines = new String[4 + uids.length];
        lines[0] = "dn: cn=" + cn + "," + GROUPS;
        lines[1] = "objectClass: top";
        lines[2] = "objectClass: groupOfNames";
        lines[3] = "cn: " + cn;
        Arrays.setAll(lines, i -> i < 4 ? lines[i] : "member: uid=" + uids[i - 4] + "," + PEOPLE);
        server.add(lines);
    }

    public int port() {
        return server.getListenPort();
    }

    /** {@code ldap://127.0.0.1:port}, or {@code ldaps://…} for an LDAPS directory. */
    public String url() {
        return (ldaps ? "ldaps" : "ldap") + "://127.0.0.1:" + port();
    }

    /** Stops listening and drops every connection: the directory is down. */
    public void stop() {
        server.shutDown(true);
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
