package dev.strata.bootstrap.support;

import dev.strata.bootstrap.tls.Pem;
import dev.strata.bootstrap.tls.Trust;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Client-side TLS for tests: trust exactly the server's certificate, optionally present our own. */
public final class Tls {

    private Tls() {
    }

    public static SSLContext trusting(Path serverCertificate) {
        return context(serverCertificate, null, null);
    }

    public static SSLContext trustingWithClientCertificate(Path serverCertificate, Path clientCertificate,
                                                           Path clientKey) {
        return context(serverCertificate, clientCertificate, clientKey);
    }

    private static SSLContext context(Path serverCertificate, Path clientCertificate, Path clientKey) {
        try {
            KeyManagerFactory keys = null;
            if (clientCertificate != null) {
                KeyStore identity = KeyStore.getInstance("PKCS12");
                identity.load(null, null);
                PrivateKey key = Pem.readPrivateKey(clientKey);
                List<X509Certificate> chain = Pem.readCertificates(clientCertificate);
                identity.setKeyEntry("client", key, new char[0], chain.toArray(X509Certificate[]::new));
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(identity, new char[0]);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), Trust.of(Pem.readCertificates(serverCertificate)),
                    null);
            return context;
        } catch (Exception e) {
            throw new AssertionError("cannot set up client TLS", e);
        }
    }
}
