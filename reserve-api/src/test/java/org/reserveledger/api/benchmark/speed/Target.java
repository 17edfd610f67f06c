package org.reserveledger.api.benchmark.speed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Where the service keeps its events: the embedded default (the service's own PostgreSQL under its data
 * directory, no datasource configured) or an external server given by a JDBC URL, on which the harness creates
 * a database of its own and drops it afterwards. Either way pgbench runs against the same server.
 */
sealed interface Target permits Target.Embedded, Target.External {

    String name();

    /** Arguments for the service: none for the embedded default, the datasource for an external server. */
    List<String> serviceArguments();

    /** The server the service uses, known once the service runs. */
    Server server(Path dataDir);

    /** The JDBC URL of the service's own database on the server. */
    String serviceDatabaseUrl(Path dataDir);

    default void close() {
    }

    /** A PostgreSQL server reachable by JDBC and by pgbench, as its superuser. */
    record Server(String host, int port, String user, String password, String query) {

        String url(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database + (query == null ? "" : "?" + query);
        }

        Connection connect(String database) throws SQLException {
            return DriverManager.getConnection(url(database), user, password);
        }

        void execute(String database, String sql) {
            try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + " on " + url(database) + ": " + e.getMessage(), e);
            }
        }

        String version() {
            try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
                 var rs = statement.executeQuery("show server_version")) {
                rs.next();
                return rs.getString(1);
            } catch (SQLException e) {
                return "?";
            }
        }
    }

    static Target of(String name, String url, String user, String password) {
        return switch (name) {
            case "embedded" -> new Embedded();
            case "external" -> External.create(url, user, password);
            default -> throw new IllegalArgumentException("bench.target is embedded or external, not " + name);
        };
    }

    final class Embedded implements Target {

        @Override
        public String name() {
            return "embedded";
        }

        @Override
        public List<String> serviceArguments() {
            return List.of();
        }

        /** The embedded server's port is line 4 of its postmaster.pid. */
        @Override
        public Server server(Path dataDir) {
            try {
                List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
                return new Server("localhost", Integer.parseInt(pid.get(3).strip()), "postgres", "", null);
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL has no postmaster.pid under " + dataDir, e);
            }
        }

        @Override
        public String serviceDatabaseUrl(Path dataDir) {
            return server(dataDir).url("postgres");
        }
    }

    final class External implements Target {

        private final Server server;
        private final String database = "reserve_bench_" + ProcessHandle.current().pid();

        private External(Server server) {
            this.server = server;
        }

        static External create(String url, String user, String password) {
            URI uri = URI.create(url.substring("jdbc:".length()));
            External external = new External(new Server(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user,
                    password, uri.getRawQuery()));
            external.server.execute("postgres", "drop database if exists " + external.database + " with (force)");
            external.server.execute("postgres", "create database " + external.database);
            return external;
        }

        @Override
        public String name() {
            return "external";
        }

        @Override
        public List<String> serviceArguments() {
            return List.of("--spring.datasource.url=" + server.url(database),
                    "--spring.datasource.username=" + server.user(), "--spring.datasource.password=" + server.password());
        }

        @Override
        public Server server(Path dataDir) {
            return server;
        }

        @Override
        public String serviceDatabaseUrl(Path dataDir) {
            return server.url(database);
        }

        /** Dropped, unless {@code -Dbench.keep-database=true} leaves it for a look at its tables and plans. */
        @Override
        public void close() {
            if (Boolean.getBoolean("bench.keep-database")) {
                System.out.println("[bench] database " + database + " kept on " + server.url(database));
                return;
            }
            server.execute("postgres", "drop database if exists " + database + " with (force)");
        }
    }
}
