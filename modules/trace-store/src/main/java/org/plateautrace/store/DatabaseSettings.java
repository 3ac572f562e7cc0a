package org.plateautrace.store;

import io.vertx.pgclient.PgConnectOptions;

/** Where the PostgreSQL database is. Built from a {@code postgresql://} (or {@code jdbc:postgresql://}) URL. */
public record DatabaseSettings(String host, int port, String database, String user, String password) {

    public static DatabaseSettings fromUrl(String url) {
        String uri = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
        PgConnectOptions options;
        try {
            options = PgConnectOptions.fromUri(uri);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a PostgreSQL URL (postgresql://user:password@host:port/database): " + url, e);
        }
        return new DatabaseSettings(options.getHost(), options.getPort(), options.getDatabase(),
                options.getUser(), options.getPassword());
    }

    /** The settings as a postgresql:// URL, password included (for configuration, never for logs). */
    public String url() {
        String credentials = password == null ? user : user + ":" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8);
        return "postgresql://" + credentials + "@" + host + ":" + port + "/" + database;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public PgConnectOptions connectOptions() {
        PgConnectOptions options = new PgConnectOptions()
                .setHost(host).setPort(port).setDatabase(database).setUser(user)
                .setCachePreparedStatements(true)
                // the default (2,048 characters) leaves our longer statements (genealogy, scans) unprepared: planned every time
                .setPreparedStatementCacheSqlLimit(16_384)
                .setPipeliningLimit(256);
        return password == null ? options : options.setPassword(password);
    }

    public DatabaseSettings withDatabase(String name) {
        return new DatabaseSettings(host, port, name, user, password);
    }

    /** The same settings with the password hidden, for logs. */
    @Override
    public String toString() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }
}
