package dev.strata.bootstrap.support;

import dev.strata.bootstrap.tls.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates made at test time: a CA, and client certificates it signs or that sign themselves. */
public final class TestCertificates {

    /** A key and its certificate, written as PEM files. */
    public record Issued(KeyPair keys, X509Certificate certificate, Path certificateFile, Path keyFile) {
    }

    private TestCertificates() {
    }

    public static Issued certificateAuthority(Path dir, String name) {
        KeyPair keys = keys();
        X509Certificate certificate = sign(name, keys, name, keys, true);
        return write(dir, name, keys, certificate);
    }

    public static Issued clientSignedBy(Issued ca, Path dir, String name) {
        KeyPair keys = keys();
        X509Certificate certificate = sign(name, keys, subjectOf(ca), ca.keys(), false);
        return write(dir, name, keys, certificate);
    }

    /** A server certificate for 127.0.0.1 and localhost, signed by {@code ca}. */
    public static Issued serverSignedBy(Issued ca, Path dir, String name) {
        KeyPair keys = keys();
        X509Certificate certificate = sign(name, keys, subjectOf(ca), ca.keys(), false, true);
        return write(dir, name, keys, certificate);
    }

    /** A TLS server context presenting {@code server}'s certificate. */
    public static javax.net.ssl.SSLContext serverContext(Issued server) {
        try {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = "test".toCharArray();
            store.setKeyEntry("server", server.keys().getPrivate(), password,
                    new java.security.cert.Certificate[] {server.certificate()});
            javax.net.ssl.KeyManagerFactory keys = javax.net.ssl.KeyManagerFactory.getInstance(
                    javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static Issued selfSignedClient(Path dir, String name) {
        KeyPair keys = keys();
        return write(dir, name, keys, sign(name, keys, name, keys, false));
    }

    private static String subjectOf(Issued issued) {
        return issued.certificate().getSubjectX500Principal().getName().replace("CN=", "");
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static X509Certificate sign(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
                                        boolean ca) {
        return sign(subject, subjectKeys, issuer, issuerKeys, ca, false);
    }

    private static X509Certificate sign(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
                                        boolean ca, boolean server) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuer),
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(1))), new X500Name("CN=" + subject), subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ca) {
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            } else if (server) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.dNSName, "localhost")}));
            } else {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Issued write(Path dir, String name, KeyPair keys, X509Certificate certificate) {
        try {
            Path cert = dir.resolve(name + ".crt");
            Path key = dir.resolve(name + ".key");
            Pem.writeCertificate(cert, certificate);
            Pem.writePrivateKey(key, keys.getPrivate());
            return new Issued(keys, certificate, cert, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
