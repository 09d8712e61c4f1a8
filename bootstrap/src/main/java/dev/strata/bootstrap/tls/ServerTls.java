package dev.strata.bootstrap.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of TLS: the certificate and key from PEM files, or a self-signed pair made once
 * in the data directory and reused. Clients may present a certificate; with a client CA they must,
 * and it must be signed by that CA.
 */
public final class ServerTls {

    private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);
    private static final char[] NO_PASSWORD = new char[0];

    /**
     * @param requireClientCertificate true when a client CA was given (mutual TLS)
     */
    public record Config(SSLContext context, boolean requireClientCertificate, String fingerprint) {
    }

    private ServerTls() {
    }

    public static Config load(Optional<Path> certificateFile, Optional<Path> keyFile, Optional<Path> clientCaFile,
                              Path dataDir) throws IOException {
        if (certificateFile.isPresent() != keyFile.isPresent()) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together");
        }
        List<X509Certificate> chain;
        PrivateKey key;
        if (certificateFile.isPresent()) {
            chain = Pem.readCertificates(certificateFile.get());
            key = Pem.readPrivateKey(keyFile.get());
        } else {
            Path dir = dataDir.resolve("tls");
            Path cert = dir.resolve("server.crt");
            Path privateKey = dir.resolve("server.key");
            if (!Files.exists(cert) || !Files.exists(privateKey)) {
                Files.createDirectories(dir);
                SelfSigned.Material made = SelfSigned.forThisHost();
                Pem.writePrivateKey(privateKey, made.keys().getPrivate());
                Pem.writeCertificate(cert, made.certificate());
                LOG.info("Made a self-signed certificate in {}", cert);
            }
            chain = Pem.readCertificates(cert);
            key = Pem.readPrivateKey(privateKey);
        }
        String fingerprint = fingerprint(chain.get(0));
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("server", key, NO_PASSWORD, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, NO_PASSWORD);

            TrustManager[] trust = clientCaFile.isPresent() ? Trust.of(Pem.readCertificates(clientCaFile.get()))
                    : new TrustManager[] {Trust.anyClient()};
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust, null);
            warmUp(context, chain.get(0));
            return new Config(context, clientCaFile.isPresent(), fingerprint);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * One handshake between two engines in memory, so that the first client does not pay for
     * loading and initialising the TLS stack. Runs while the rest of the server starts.
     */
    private static void warmUp(SSLContext serverContext, X509Certificate certificate) {
        try {
            SSLContext clientContext = SSLContext.getInstance("TLS");
            clientContext.init(null, Trust.of(List.of(certificate)), null);
            SSLEngine client = clientContext.createSSLEngine();
            client.setUseClientMode(true);
            SSLEngine server = serverContext.createSSLEngine();
            server.setUseClientMode(false);
            Handshake.run(client, server);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            LOG.debug("TLS warm-up skipped: {}", e.toString());
        }
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
