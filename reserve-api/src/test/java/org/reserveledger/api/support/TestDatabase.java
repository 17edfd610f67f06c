package org.reserveledger.api.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The PostgreSQL server of a test JVM, started once: the server named by
 * {@code RESERVE_TEST_JDBC_URL} if set, else a Testcontainers container when a Docker engine is
 * available, else the embedded binaries. Each Spring context gets a database of its own on it.
 */
public final class TestDatabase {

    public static final String URL_VARIABLE = "RESERVE_TEST_JDBC_URL";

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static final AtomicInteger databases = new AtomicInteger();
    private static Server server;
    private static Database shared;
    private static final Map<Class<?>, Database> owned = new HashMap<>();

    private TestDatabase() {
    }

    /** The database shared by every test class that uses the common application context. */
    public static synchronized Database shared() {
        if (shared == null) {
            shared = fresh();
        }
        return shared;
    }

    /** Points a Spring context at the database shared by the common application context. */
    public static void useShared(DynamicPropertyRegistry registry) {
        use(registry, TestDatabase::shared);
    }

    /** Points a Spring context at a database of its own, made once for the test class. */
    public static void useOwn(DynamicPropertyRegistry registry, Class<?> testClass) {
        use(registry, () -> own(testClass));
    }

    private static void use(DynamicPropertyRegistry registry, Supplier<Database> database) {
        registry.add("spring.datasource.url", () -> database.get().url());
        registry.add("spring.datasource.username", () -> database.get().user());
        registry.add("spring.datasource.password", () -> database.get().password());
    }

    private static synchronized Database own(Class<?> testClass) {
        return owned.computeIfAbsent(testClass, c -> fresh());
    }

    /** A new, empty database. */
    public static synchronized Database fresh() {
        Server running = server();
        String name = "reserve_test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(running.adminUrl(), running.user(), running.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + running.description(), e);
        }
        return new Database(running.urlFor(name), running.user(), running.password());
    }

    public static synchronized String description() {
        return server().description();
    }

    private static Server server() {
        if (server == null) {
            server = start();
            log.info("Tests use PostgreSQL from {}", server.description());
        }
        return server;
    }

    private static Server start() {
        String given = System.getenv(URL_VARIABLE);
        if (given != null && !given.isBlank()) {
            Server external = Server.of(given, System.getenv().getOrDefault("RESERVE_TEST_JDBC_USER", "postgres"),
                    System.getenv().getOrDefault("RESERVE_TEST_JDBC_PASSWORD", ""), URL_VARIABLE + "=" + given);
            // A server that outlives the tests is left as it was found.
            afterEveryContextClosed(() -> dropCreatedDatabases(external));
            return external;
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17.6-alpine");
            container.start();
            afterEveryContextClosed(container::stop);
            return Server.of(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "a Testcontainers container (postgres:17.6-alpine)");
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                    // Every cached test context keeps a pool of its own on this one server.
                    .setServerConfig("max_connections", "600")
                    .start();
            afterEveryContextClosed(() -> {
                try {
                    embedded.close();
                } catch (IOException e) {
                    log.warn("Could not stop the embedded test PostgreSQL", e);
                }
            });
            return Server.of(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "",
                    "the embedded PostgreSQL binaries (no Docker engine found)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded test PostgreSQL", e);
        }
    }

    /**
     * Runs at JVM exit once Spring Boot has closed every application context still open: stopping the
     * database earlier would leave their event processors waiting for connections to a server that is gone.
     */
    private static void afterEveryContextClosed(Runnable action) {
        SpringApplication.getShutdownHandlers().add(action);
    }

    private static void dropCreatedDatabases(Server external) {
        try (Connection connection = DriverManager.getConnection(external.adminUrl(), external.user(), external.password());
             Statement statement = connection.createStatement()) {
            for (int i = 1; i <= databases.get(); i++) {
                statement.execute("drop database if exists reserve_test_" + ProcessHandle.current().pid() + "_" + i
                        + " with (force)");
            }
        } catch (SQLException e) {
            log.warn("Could not drop the test databases on {}", external.description(), e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    public record Database(String url, String user, String password) {
    }

    private record Server(String adminUrl, String user, String password, String description, URI base, String query) {

        static Server of(String jdbcUrl, String user, String password, String description) {
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            return new Server(jdbcUrl, user, password, description, uri, uri.getRawQuery());
        }

        String urlFor(String database) {
            return "jdbc:postgresql://" + base.getHost() + ":" + base.getPort() + "/" + database
                    + (query == null ? "" : "?" + query);
        }
    }
}
