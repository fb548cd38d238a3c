package org.contactsync.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.MalformedURLException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built WAR ({@code target/contactsync.war}) on Payara Micro in a JVM of its own ({@code java -jar
 * payara-micro.jar}), for tests that must do what Arquillian's managed container cannot: kill a server hard in the
 * middle of its work and start it again on the same database, or run two servers on one database.
 *
 * <p>Configuration is MicroProfile Config given as {@code -D} system properties: the database (see {@link Database}),
 * demo data, the sandbox and anything a test adds. The HTTP port is free when the process is built and stays the
 * same across restarts; with {@link Builder#https()} an HTTPS port too (the sandbox's identity endpoint needs it),
 * with the build's localhost TLS material ({@code sandbox.tls.dir}). Everything the server prints goes to
 * {@code target/payara-micro/NAME/server.log} (appended across restarts, each start marked), and Payara's runtime
 * directory lives beside it and is wiped at every start, so a killed server leaves nothing in {@code /tmp}.
 *
 * <p>It starts as every launcher does ({@code server-config/payara-micro.args}), from the project directory: the JVM
 * options of {@code server-config/jvm.options} with this server's heap, then Payara Micro's jar and arguments of
 * {@code server-config/payara-micro.args}; the WAR is {@code contactsync.war} (failsafe), else
 * {@code target/contactsync.war}.
 *
 * <pre>{@code
 * try (var server = PayaraMicroProcess.named("app").database(Database.h2File("app"))
 *         .property("contactsync.sync.lease-seconds", "8").build().start()) {
 *     server.uri("/api/v1/me");   // http://localhost:PORT/api/v1/me
 *     server.kill();              // SIGKILL, like a power cut
 *     server.start();             // same port, same database
 * }
 * }</pre>
 */
public final class PayaraMicroProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.getLong("it.serverStartSeconds", 300));
    private static final Duration POLL = Duration.ofMillis(500);
    private static final String TLS_PASSWORD = "changeit";
    /** The launch every way of starting the application shares; its paths are relative to the project directory. */
    private static final Path SERVER_CONFIG = Path.of("server-config").toAbsolutePath();

    private final String name;
    private final int port;
    private final OptionalInt httpsPort;
    private final Map<String, String> properties;
    private final int heapMegabytes;
    private final Path directory;
    /**
     * HTTP/1.1: by default the JDK's client asks a plain listener to upgrade to HTTP/2 (h2c), and Grizzly's HTTP/2 in
     * Payara is what server-config/pre-boot-commands.asadmin turns off on the HTTPS listener. One clean-clone CI run
     * (stop 25) saw a server log "ready" while this poll got no 200 for four minutes; its last answer is now in the
     * failure message.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    /** Where this start's lines begin in the log. */
    private long logOffsetOfThisStart;

    private PayaraMicroProcess(Builder builder) {
        this.name = builder.name;
        this.port = builder.port.orElseGet(PayaraMicroProcess::freePort);
        this.httpsPort = builder.https ? OptionalInt.of(freePort()) : OptionalInt.empty();
        this.properties = Map.copyOf(builder.properties);
        this.heapMegabytes = builder.heapMegabytes;
        this.directory = targetDirectory().resolve("payara-micro").resolve(name).toAbsolutePath();
    }

    /** A server called {@code name} (its folder under {@code target/payara-micro/}), not started yet. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    // Life cycle ---------------------------------------------------------------------------------------------------

    /**
     * Starts the server and waits until {@code /health/ready} answers 200 (database migrated, application
     * deployed). Fails with the end of the server's log when it exits or is not ready within 5 minutes
     * ({@code -Dit.serverStartSeconds=} to change). Returns this server, started.
     */
    public PayaraMicroProcess start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        try {
            Path runtime = directory.resolve("runtime");
            deleteRecursively(runtime);
            Files.createDirectories(runtime);
            logOffsetOfThisStart = Files.exists(log()) ? Files.size(log()) : 0;
            Files.writeString(log(), System.lineSeparator() + "==== " + Instant.now() + " starting " + name
                    + " on port " + port + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command(runtime))
                    .directory(SERVER_CONFIG.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
        awaitReady();
        return this;
    }

    /** Kills the JVM at once (SIGKILL: no shutdown hook, no clean-up, as a crash or a power cut) and waits for it. */
    public void kill() {
        stop(true);
    }

    /** Asks the JVM to stop (SIGTERM: Payara shuts down cleanly) and waits for it. */
    public void stop() {
        stop(false);
    }

    /**
     * Freezes the JVM (SIGSTOP, as a long garbage collection or a suspended virtual machine would): it holds its
     * connections and answers nothing until {@link #resume()}.
     */
    public void suspend() {
        signal("STOP");
    }

    /** Lets a {@link #suspend() suspended} JVM go on (SIGCONT): its timers find that time has passed. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + name + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Kills the server if it still runs and deletes its runtime directory (the log stays). */
    @Override
    public void close() {
        if (isAlive()) {
            kill();
        }
        try {
            deleteRecursively(directory.resolve("runtime"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not clean up " + name, e);
        }
    }

    private void stop(boolean hard) {
        if (process == null) {
            return;
        }
        if (hard) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping " + name, e);
        }
    }

    // Where it is --------------------------------------------------------------------------------------------------

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** The HTTPS port, when built with {@link Builder#https()}. */
    public OptionalInt httpsPort() {
        return httpsPort;
    }

    /** {@code http://localhost:PORT/} */
    public URL baseUrl() {
        try {
            return uri("/").toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An absolute URI on this server, {@code path} starting with {@code /}. */
    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** {@code https://localhost:HTTPS_PORT}, when built with {@link Builder#https()}. */
    public String httpsRoot() {
        return "https://localhost:" + httpsPort.orElseThrow(() -> new IllegalStateException(name + " has no HTTPS"));
    }

    /** The file the server's output goes to. */
    public Path log() {
        return directory.resolve("server.log");
    }

    /** The operating system's id of the running JVM. */
    public long pid() {
        return Optional.ofNullable(process).orElseThrow(() -> new IllegalStateException(name + " never started"))
                .pid();
    }

    // Plumbing -----------------------------------------------------------------------------------------------------

    private List<String> command(Path runtime) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + SERVER_CONFIG.resolve("jvm.options"));
        command.add("-Xmx" + heapMegabytes + "m");
        command.add("-Djava.io.tmpdir=" + runtime);
        tlsDirectory().ifPresent(tls -> {
            command.add("-Djavax.net.ssl.keyStore=" + tls.resolve("keystore.jks"));
            command.add("-Djavax.net.ssl.keyStorePassword=" + TLS_PASSWORD);
            command.add("-Djavax.net.ssl.trustStore=" + tls.resolve("truststore.jks"));
            command.add("-Djavax.net.ssl.trustStorePassword=" + TLS_PASSWORD);
        });
        command.add("-Dcontactsync.public-url=" + uri(""));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("@" + SERVER_CONFIG.resolve("payara-micro.args"),
                "--deploy", war().toString(), "--port", String.valueOf(port)));
        httpsPort.ifPresent(https -> command.addAll(List.of("--sslport", String.valueOf(https))));
        return command;
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        HttpRequest ready = HttpRequest.newBuilder(uri("/health/ready")).timeout(Duration.ofSeconds(10)).build();
        String lastAnswer = "none";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting:\n"
                        + logTail());
            }
            if (deploymentFailed()) {
                kill();
                throw new IllegalStateException(name + " could not deploy the application:\n" + logTail());
            }
            try {
                HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
                lastAnswer = answer.statusCode() + " " + answer.body();
            } catch (IOException e) {
                // Not listening yet (ConnectException), or the listener is up but the application is not deployed.
                lastAnswer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            Poll.pause(POLL);
        }
        kill();
        throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT + " (the last answer of "
                + uri("/health/ready") + ": " + lastAnswer + "):\n" + logTail());
    }

    /** Payara Micro stays up without the application when deploying it fails; the log says so. */
    private boolean deploymentFailed() {
        try (FileChannel log = FileChannel.open(log())) {
            InputStream thisStart = Channels.newInputStream(log.position(logOffsetOfThisStart));
            return new String(thisStart.readAllBytes(), StandardCharsets.UTF_8)
                    .contains("Exception while loading the app");
        } catch (IOException e) {
            return false;
        }
    }

    /** The last 60 lines of the log, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log());
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    static Path targetDirectory() {
        return Paths.get(System.getProperty("project.build.directory", "target"));
    }


    private static Path war() {
        return existing("contactsync.war", targetDirectory().resolve("contactsync.war"), () -> {
            throw new IllegalStateException("No target/contactsync.war: run the tests through `mvn verify`");
        });
    }

    private static Path existing(String property, Path inTarget, java.util.function.Supplier<Path> otherwise) {
        Path found = Optional.ofNullable(System.getProperty(property)).map(Path::of)
                .orElseGet(() -> Files.exists(inTarget) ? inTarget : otherwise.get());
        if (!Files.exists(found)) {
            throw new IllegalStateException("Not found: " + found + " (" + property + ")");
        }
        return found.toAbsolutePath();
    }

    private static Optional<Path> tlsDirectory() {
        Path tls = Optional.ofNullable(System.getProperty("sandbox.tls.dir")).map(Path::of)
                .orElse(targetDirectory().resolve("sandbox-tls"));
        return Files.exists(tls.resolve("keystore.jks")) ? Optional.of(tls.toAbsolutePath()) : Optional.empty();
    }

    // Building -----------------------------------------------------------------------------------------------------

    /** How to start a {@link PayaraMicroProcess}; {@link #build()} picks its free ports. */
    public static final class Builder {

        private final String name;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Optional<Integer> port = Optional.empty();
        private boolean https;
        private int heapMegabytes = 512;

        private Builder(String name) {
            if (!name.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("A server name is a folder name: " + name);
            }
            this.name = name;
        }

        /** The HTTP port; a free one by default. */
        public Builder port(int port) {
            this.port = Optional.of(port);
            return this;
        }

        /** Also listen on a free HTTPS port (the sandbox's identity endpoint needs one). */
        public Builder https() {
            this.https = true;
            return this;
        }

        public Builder heapMegabytes(int megabytes) {
            this.heapMegabytes = megabytes;
            return this;
        }

        /** The database's {@code contactsync.db.*} properties. Without one: the production default, refused here. */
        public Builder database(Database database) {
            properties.putAll(database.properties());
            return this;
        }

        /** {@code contactsync.demo-data}: the demo users, contacts and (with the sandbox) connection. */
        public Builder demoData(boolean on) {
            return property("contactsync.demo-data", String.valueOf(on));
        }

        /** {@code contactsync.sandbox.enabled}: this server also serves the Microsoft 365 sandbox. */
        public Builder sandbox(boolean on) {
            return property("contactsync.sandbox.enabled", String.valueOf(on));
        }

        /** Any MicroProfile Config key, as a system property; a later value for the same key wins. */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public Builder properties(Map<String, String> more) {
            properties.putAll(more);
            return this;
        }

        public PayaraMicroProcess build() {
            if (!properties.containsKey("contactsync.db.url")) {
                throw new IllegalStateException("Give " + name + " a database: ./data is the developer's");
            }
            return new PayaraMicroProcess(this);
        }
    }

    /**
     * A database for a server, as {@code contactsync.db.*} properties; it outlives the server's process, so a
     * restarted (or a second) server finds what the first one wrote.
     */
    public record Database(Map<String, String> properties, Optional<String> postgresqlSchema) {

        /** An H2 file database {@code target/payara-micro/db/NAME}, new: files of an earlier test run are deleted. */
        public static Database h2File(String name) {
            Path file = targetDirectory().resolve("payara-micro").resolve("db").resolve(name).toAbsolutePath();
            try {
                Files.createDirectories(file.getParent());
                Files.deleteIfExists(Path.of(file + ".mv.db"));
                Files.deleteIfExists(Path.of(file + ".trace.db"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Database(Map.of("contactsync.db.url", "jdbc:h2:file:" + file), Optional.empty());
        }

        /** An H2 in-memory database: lost with the process, for a server whose data does not matter. */
        public static Database h2Memory(String name) {
            return new Database(Map.of("contactsync.db.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1"),
                    Optional.empty());
        }

        /**
         * A schema of its own on the local PostgreSQL (the one {@link TestDatabase} uses: 127.0.0.1:5432, user
         * postgres, trust authentication), which Flyway creates at the first start; several servers may share it.
         * {@link #drop()} removes it.
         */
        public static Database postgresqlSchema(String schema) {
            if (!schema.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("A schema name in lower case letters, digits and _: " + schema);
            }
            return new Database(Map.of(
                    "contactsync.db.class", "org.postgresql.ds.PGSimpleDataSource",
                    "contactsync.db.url", TestDatabase.POSTGRES_URL + "?currentSchema=" + schema,
                    "contactsync.db.user", TestDatabase.POSTGRES_USER,
                    "contactsync.db.password", "unused-with-trust-auth",
                    "contactsync.db.schema", schema), Optional.of(schema));
        }

        /** Drops a PostgreSQL schema (nothing for H2); call it once every server on it has stopped. */
        public void drop() {
            postgresqlSchema.ifPresent(TestDatabase::dropPostgresqlSchema);
        }
    }
}
