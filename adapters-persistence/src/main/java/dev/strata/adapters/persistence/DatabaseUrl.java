package dev.strata.adapters.persistence;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Where Strata's database is: {@code sqlite:PATH}, or
 * {@code postgresql://[user@]host[:port]/dbname[?sslmode=…]}. A password is never part of it: it
 * comes from the environment or the config file, and {@link #toString()} shows none.
 */
public sealed interface DatabaseUrl {

    /** A SQLite file. */
    record Sqlite(Path file) implements DatabaseUrl {
        @Override
        public String toString() {
            return "sqlite:" + file;
        }
    }

    /** A PostgreSQL database; the user defaults to {@code strata}, the port to 5432. */
    record Postgresql(String user, String host, int port, String database, Optional<String> sslMode)
            implements DatabaseUrl {

        public String jdbcUrl() {
            String host = this.host.contains(":") ? "[" + this.host + "]" : this.host;
            return "jdbc:postgresql://" + host + ":" + port + "/" + database
                    + sslMode.map(mode -> "?sslmode=" + mode).orElse("");
        }

        @Override
        public String toString() {
            return "postgresql://" + user + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/"
                    + database + sslMode.map(mode -> "?sslmode=" + mode).orElse("");
        }
    }

    Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    /** The URL in {@code text}; a one-line reason naming what is wrong if it is not one. */
    static DatabaseUrl parse(String text) {
        String given = text == null ? "" : text.strip();
        if (given.startsWith("sqlite:")) {
            String path = given.substring("sqlite:".length());
            if (path.isEmpty()) {
                throw new IllegalArgumentException("--database sqlite:PATH needs the path of the database file");
            }
            return new Sqlite(Path.of(path));
        }
        if (given.startsWith("postgresql://") || given.startsWith("postgres://")) {
            return postgresql(given);
        }
        throw new IllegalArgumentException("--database must be sqlite:PATH or"
                + " postgresql://[user@]host[:port]/dbname, not '" + shown(given) + "'");
    }

    private static Postgresql postgresql(String given) {
        URI uri;
        try {
            uri = new URI(given);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--database is not a valid URL: " + e.getReason());
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            throw new IllegalArgumentException("--database must not carry a password: give it in"
                    + " STRATA_DATABASE_PASSWORD or the config key database.password");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("--database postgresql://…: the host is missing or not valid");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (database.isEmpty() || database.contains("/")) {
            throw new IllegalArgumentException("--database postgresql://host/dbname: the database name is missing");
        }
        Optional<String> sslMode = Optional.empty();
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                if (parameter.startsWith("sslmode=") && SSL_MODES.contains(parameter.substring(8))) {
                    sslMode = Optional.of(parameter.substring(8));
                } else {
                    throw new IllegalArgumentException("--database postgresql://…: the only parameter taken is"
                            + " sslmode, one of " + String.join(", ", SSL_MODES.stream().sorted().toList()));
                }
            }
        }
        String user = userInfo == null || userInfo.isEmpty() ? "strata" : uri.getUserInfo();
        return new Postgresql(user, host, uri.getPort() == -1 ? 5432 : uri.getPort(), database, sslMode);
    }

    /** A refused value, without what could be a password after a ':' before an '@'. */
    private static String shown(String given) {
        String cut = given.length() > 80 ? given.substring(0, 80) + "…" : given;
        return cut.replaceAll("://([^:@/]*):[^@/]*@", "://$1:…@");
    }
}
