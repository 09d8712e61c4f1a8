package dev.strata.bootstrap;

import dev.strata.application.BuildInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** This build's version and date, written into {@code strata-build.properties} by Maven. */
public final class Builds {

    private Builds() {
    }

    public static BuildInfo current() {
        Properties properties = new Properties();
        try (InputStream in = Builds.class.getResourceAsStream("/strata-build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("version", "0.0.0");
        String date = properties.getProperty("build.date", "");
        return new BuildInfo(version, version + "+" + date.replaceAll("[^0-9]", ""), "release", date);
    }
}
