package dev.strata.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.TestCertificates;
import dev.strata.bootstrap.support.TestServer;
import dev.strata.bootstrap.support.Tls;
import dev.strata.bootstrap.tls.Pem;
import dev.strata.bootstrap.tls.SelfSigned;
import dev.strata.bootstrap.tls.ServerTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsSystemTest {

    @TempDir
    Path dir;

    @Test
    void acceptsAClientCertificateWithoutRequiringOne() throws Exception {
        TestCertificates.Issued client = TestCertificates.selfSignedClient(dir, "client");
        try (TestServer server = TestServer.start(dir.resolve("data"))) {
            Api withCertificate = new Api(server.baseUri(), Tls.trustingWithClientCertificate(
                    server.serverCertificate(), client.certificateFile(), client.keyFile()));

            assertThat(withCertificate.get("/info").status()).isEqualTo(200);
            assertThat(server.api().get("/info").status()).as("no certificate is fine too").isEqualTo(200);
        }
    }

    @Test
    void withAClientCaRefusesClientsWithoutAGoodCertificateDuringTheHandshake() {
        TestCertificates.Issued ca = TestCertificates.certificateAuthority(dir, "clients-ca");
        TestCertificates.Issued trusted = TestCertificates.clientSignedBy(ca, dir, "trusted");
        TestCertificates.Issued stranger = TestCertificates.selfSignedClient(dir, "stranger");
        try (TestServer server = TestServer.start(dir.resolve("data"),
                s -> s.withTls(Optional.empty(), Optional.empty(), Optional.of(ca.certificateFile())))) {
            Api good = new Api(server.baseUri(), Tls.trustingWithClientCertificate(server.serverCertificate(),
                    trusted.certificateFile(), trusted.keyFile()));
            Api bad = new Api(server.baseUri(), Tls.trustingWithClientCertificate(server.serverCertificate(),
                    stranger.certificateFile(), stranger.keyFile()));

            assertThat(good.get("/info").status()).isEqualTo(200);
            assertThatThrownBy(() -> server.api().get("/info")).hasMessageContaining("failed");
            assertThatThrownBy(() -> bad.get("/info")).hasMessageContaining("failed");
        }
    }

    @Test
    void makesItsCertificateOnceAndReusesIt() throws Exception {
        Path data = dir.resolve("data");
        String first;
        try (TestServer server = TestServer.start(data)) {
            first = ServerTls.fingerprint(Pem.readCertificates(server.serverCertificate()).get(0));
            server.restart();
            assertThat(server.api().get("/healthz").status()).isEqualTo(200);
        }
        try (TestServer again = TestServer.start(data)) {
            assertThat(ServerTls.fingerprint(Pem.readCertificates(again.serverCertificate()).get(0))).isEqualTo(first);
        }
        assertThat(Files.getPosixFilePermissions(data.resolve("tls/server.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void servesTheCertificateItIsGiven() throws Exception {
        SelfSigned.Material given = SelfSigned.generate("given", List.of("localhost"), List.of("127.0.0.1"));
        Path cert = dir.resolve("given.crt");
        Path key = dir.resolve("given.key");
        Pem.writeCertificate(cert, given.certificate());
        Pem.writePrivateKey(key, given.keys().getPrivate());

        try (TestServer server = TestServer.start(dir.resolve("data"),
                s -> s.withTls(Optional.of(cert), Optional.of(key), Optional.empty()))) {
            Api api = new Api(server.baseUri(), Tls.trusting(cert));
            assertThat(api.get("/healthz").status()).isEqualTo(200);
            assertThat(Files.exists(server.serverCertificate())).as("no self-signed one is made").isFalse();
        }
    }

    @Test
    void servesPlainHttpWhenAskedForDevelopment() {
        try (TestServer server = TestServer.start(dir.resolve("data"), s -> s.withPlainHttp(true))) {
            assertThat(server.baseUri().getScheme()).isEqualTo("http");
            assertThat(server.api().get("/healthz").status()).isEqualTo(200);
        }
    }
}
