package dev.strata.bootstrap.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** Trust managers: of given certificates, or of any peer on one side where that is the intent. */
public final class Trust {

    private Trust() {
    }

    /** Trusts exactly these certificates (CAs, or a self-signed server's own certificate). */
    public static TrustManager[] of(List<X509Certificate> certificates) throws GeneralSecurityException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (X509Certificate certificate : certificates) {
                store.setCertificateEntry("trusted-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /**
     * For a server without a client CA: a client certificate is welcome but vouches for nothing,
     * since callers are authenticated by their credentials, as in KumoScale.
     */
    public static TrustManager anyClient() {
        return new Permissive(true);
    }

    /** For {@code --insecure}, like curl's {@code -k}: any server certificate. */
    public static TrustManager anyServer() {
        return new Permissive(false);
    }

    private static final class Permissive extends X509ExtendedTrustManager {

        private final boolean clients;

        Permissive(boolean clients) {
            this.clients = clients;
        }

        private void check(boolean client) throws CertificateException {
            if (client != clients) {
                throw new CertificateException("this trust manager checks " + (clients ? "clients" : "servers") + " only");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(true);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(true);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(true);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(false);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(false);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(false);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
