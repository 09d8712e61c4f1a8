package dev.strata.bootstrap.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTest {

    @TempDir
    Path dir;

    private static String traditional(KeyPair keys) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(keys);
        }
        return out.toString();
    }

    /** SEC1 as OpenSSL writes it: the curve named inside the key. */
    private static String sec1(KeyPair keys) throws IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
        ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
        ECPrivateKey withCurve = new ECPrivateKey(384, inner.getKey(), info.getPrivateKeyAlgorithm().getParameters());
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(new PemObject("EC PRIVATE KEY", withCurve.getEncoded()));
        }
        return out.toString();
    }

    @Test
    void readsPkcs8Pkcs1AndSec1Keys() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair rsaKeys = rsa.generateKeyPair();
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair ecKeys = ec.generateKeyPair();

        Path pkcs8 = dir.resolve("pkcs8.key");
        Pem.writePrivateKey(pkcs8, ecKeys.getPrivate());
        Path pkcs1 = dir.resolve("pkcs1.key");
        Files.writeString(pkcs1, traditional(rsaKeys));
        Path sec1 = dir.resolve("sec1.key");
        Files.writeString(sec1, sec1(ecKeys));

        assertThat(Files.readString(pkcs1)).contains("BEGIN RSA PRIVATE KEY");
        assertThat(Files.readString(sec1)).contains("BEGIN EC PRIVATE KEY");
        assertThat(Pem.readPrivateKey(pkcs8).getEncoded()).isEqualTo(ecKeys.getPrivate().getEncoded());
        PrivateKey fromPkcs1 = Pem.readPrivateKey(pkcs1);
        assertThat(fromPkcs1.getAlgorithm()).isEqualTo("RSA");
        assertThat(fromPkcs1.getEncoded()).isEqualTo(rsaKeys.getPrivate().getEncoded());
        PrivateKey fromSec1 = Pem.readPrivateKey(sec1);
        assertThat(fromSec1.getAlgorithm()).isIn("EC", "ECDSA");
        assertThat(((java.security.interfaces.ECPrivateKey) fromSec1).getS())
                .isEqualTo(((java.security.interfaces.ECPrivateKey) ecKeys.getPrivate()).getS());
    }

    @Test
    void saysWhatIsWrongWithAFileThatHoldsNoKeyOrCertificate() throws Exception {
        Path junk = dir.resolve("junk.pem");
        Files.writeString(junk, "hello\n");

        assertThatThrownBy(() -> Pem.readPrivateKey(junk)).hasMessageContaining("no unencrypted private key");
        assertThatThrownBy(() -> Pem.readCertificates(junk)).isInstanceOf(IOException.class);
    }
}
