package dev.billinggateway.it;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts the production jar ({@code target/quarkus-app/quarkus-run.jar}) as its own process against an embedded
 * PostgreSQL, with extra system properties, for the integration tests that need to choose its settings or stop it.
 */
final class PackagedJar {

    private PackagedJar() {
    }

    /** Starts the jar on {@code port}, its output (both streams) going to {@code log}. */
    static Process start(EmbeddedPostgres postgres, int port, File log, List<String> systemProperties) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java,
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.reactive.url=postgresql://localhost:" + postgres.getPort() + "/postgres",
                "-Dquarkus.datasource.username=postgres", "-Dquarkus.datasource.password=postgres"));
        command.addAll(systemProperties);
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    /** Kills the jar if it still runs, then closes its PostgreSQL; either may be null (a test that failed early). */
    static void stop(Process gateway, EmbeddedPostgres postgres) throws IOException {
        if (gateway != null && gateway.isAlive()) {
            gateway.destroyForcibly();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static int status(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
