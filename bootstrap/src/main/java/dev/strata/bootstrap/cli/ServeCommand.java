package dev.strata.bootstrap.cli;

import dev.strata.application.Settings;
import dev.strata.bootstrap.ServerSettings;
import dev.strata.bootstrap.StrataServer;
import dev.strata.domain.access.AuthMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Serve the Strata API until stopped (SIGTERM or Ctrl-C).",
        mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8090", description = "Port to listen on (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = ServerSettings.DEFAULT_BIND,
            description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--data-dir", defaultValue = "./data",
            description = "Directory of the database and the self-signed certificate (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--tls-cert", description = "PEM certificate chain of the server.")
    Path tlsCert;

    @Option(names = "--tls-key", description = "PEM private key of the server.")
    Path tlsKey;

    @Option(names = "--tls-client-ca", description = "PEM CA: clients must present a certificate it signed.")
    Path tlsClientCa;

    @Option(names = "--http", description = "Serve plain HTTP. For local development only.")
    boolean plainHttp;

    @Option(names = "--auth-mode", defaultValue = "LOCAL",
            description = "LOCAL, LDAP, OPEN_IDC or NONE (default ${DEFAULT-VALUE}).")
    AuthMode authMode;

    @Option(names = "--thin-overcommit", defaultValue = "" + Settings.DEFAULT_THIN_OVERCOMMIT,
            description = "How far a node's provisioned capacity may exceed its media (default ${DEFAULT-VALUE}).")
    double thinOvercommit;

    @Option(names = "--config", description = "A properties file of settings, keyed like ldap.url for --ldap-url.")
    Path config;

    @Override
    public Integer call() throws Exception {
        ServerSettings settings = new ServerSettings(bind, port, dataDir, plainHttp, Optional.ofNullable(tlsCert),
                Optional.ofNullable(tlsKey), Optional.ofNullable(tlsClientCa), authMode, thinOvercommit,
                Optional.empty());
        // The first admin's password comes from the environment, never from a flag: flags show in `ps`.
        String adminPassword = System.getenv("STRATA_ADMIN_PASSWORD");
        if (adminPassword != null && !adminPassword.isEmpty()) {
            settings = settings.withAdminPassword(adminPassword);
        }
        StrataServer server = StrataServer.start(settings, Clock.tickMillis(ZoneOffset.UTC));
        server.generatedAdminPassword().ifPresent(password -> {
            System.out.println("Created user admin with the generated password: " + password);
            System.out.println("It is shown only this once. Change it with POST /v1/session/change-password.");
            System.out.flush();
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "strata-shutdown"));
        stopped.await();
        return 0;
    }
}
