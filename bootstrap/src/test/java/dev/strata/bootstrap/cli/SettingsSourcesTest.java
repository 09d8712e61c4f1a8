package dev.strata.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SettingsSourcesTest {

    @TempDir
    Path dir;

    private ServeCommand parse(Map<String, String> environment, Properties file, String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).setDefaultValueProvider(new SettingsSources(environment, file))
                .setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return serve;
    }

    @Test
    void namesEnvironmentVariablesAndConfigKeysAfterTheFlag() {
        assertThat(SettingsSources.environmentVariable("--ldap-url")).isEqualTo("STRATA_LDAP_URL");
        assertThat(SettingsSources.environmentVariable("--tls-client-ca")).isEqualTo("STRATA_TLS_CLIENT_CA");
        assertThat(SettingsSources.configKey("--ldap-url")).isEqualTo("ldap.url");
        assertThat(SettingsSources.configKey("--data-dir")).isEqualTo("data.dir");
    }

    @Test
    void prefersTheFlagThenTheEnvironmentThenTheConfigFileThenTheDefault() {
        Properties file = new Properties();
        file.setProperty("port", "9001");
        file.setProperty("bind", "0.0.0.0");
        file.setProperty("data.dir", "/from/file");
        Map<String, String> environment = Map.of("STRATA_PORT", "9002", "STRATA_DATA_DIR", "/from/env");

        ServeCommand flags = parse(environment, file, "--port", "9003");
        assertThat(flags.port).isEqualTo(9003);
        assertThat(flags.dataDir).isEqualTo(Path.of("/from/env"));
        assertThat(flags.bind).isEqualTo("0.0.0.0");
        assertThat(flags.thinOvercommit).isEqualTo(4.0);

        ServeCommand defaults = parse(Map.of(), new Properties());
        assertThat(defaults.port).isEqualTo(8090);
        assertThat(defaults.bind).isEqualTo("127.0.0.1");
        assertThat(defaults.dataDir).isEqualTo(Path.of("./data"));
        assertThat(defaults.plainHttp).isFalse();
    }

    @Test
    void readsTheConfigFileNamedByFlagOrEnvironment() throws Exception {
        Path config = dir.resolve("strata.properties");
        Files.writeString(config, "ldap.url = ldap://directory:389\nport=7000\n");

        assertThat(SettingsSources.configFile(new String[] {"serve", "--config", config.toString()}, Map.of())
                .getProperty("ldap.url")).isEqualTo("ldap://directory:389");
        assertThat(SettingsSources.configFile(new String[] {"serve", "--config=" + config}, Map.of())
                .getProperty("port")).isEqualTo("7000");
        assertThat(SettingsSources.configFile(new String[] {"serve"}, Map.of("STRATA_CONFIG", config.toString()))
                .getProperty("port")).isEqualTo("7000");
        assertThat(SettingsSources.configFile(new String[] {"serve"}, Map.of())).isEmpty();
    }
}
