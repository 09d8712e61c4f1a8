package dev.strata.bootstrap.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an option's value comes from when its flag is not given: the environment variable
 * ({@code --ldap-url} → {@code STRATA_LDAP_URL}), then the config file key ({@code ldap.url}),
 * then the option's own default. The agent's options have variables of their own
 * ({@code strata agent --token-file} → {@code STRATA_AGENT_TOKEN_FILE}, config file {@code STRATA_AGENT_CONFIG}).
 */
final class SettingsSources implements IDefaultValueProvider {

    private final Map<String, String> environment;
    private final Properties configFile;

    SettingsSources(Map<String, String> environment, Properties configFile) {
        this.environment = environment;
        this.configFile = configFile;
    }

    static String environmentVariable(String longOption) {
        return "STRATA_" + bare(longOption).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    static String environmentVariable(String command, String longOption) {
        return AGENT.equals(command) ? "STRATA_AGENT_" + environmentVariable(longOption).substring("STRATA_".length())
                : environmentVariable(longOption);
    }

    private static final String AGENT = "agent";

    static String configKey(String longOption) {
        return bare(longOption).replace('-', '.');
    }

    private static String bare(String longOption) {
        return longOption.startsWith("--") ? longOption.substring(2) : longOption;
    }

    /** The config file named by {@code --config FILE} or {@code STRATA_CONFIG}, or nothing. */
    static Properties configFile(String[] args, Map<String, String> environment) throws IOException {
        String path = environment.get(args.length > 0 && AGENT.equals(args[0]) ? "STRATA_AGENT_CONFIG" : "STRATA_CONFIG");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                path = args[i + 1];
            } else if (args[i].startsWith("--config=")) {
                path = args[i].substring("--config=".length());
            }
        }
        Properties properties = new Properties();
        if (path != null) {
            try (Reader reader = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        return properties;
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option) || !option.longestName().startsWith("--")) {
            return null;
        }
        String command = option.command() == null ? null : option.command().name();
        String fromEnvironment = environment.get(environmentVariable(command, option.longestName()));
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        return configFile.getProperty(configKey(option.longestName()));
    }
}
