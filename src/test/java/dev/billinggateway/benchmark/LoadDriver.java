package dev.billinggateway.benchmark;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Closed-loop load: N clients, each on its own keep-alive connection, each sending its next request when the
 * previous one answered. Non-blocking, on one event-loop thread of its own: the driver shares the machine's
 * cores with the gateway, so it must cost as little as possible (64 blocking client threads cost the gateway
 * about half its throughput on two cores).
 */
final class LoadDriver implements AutoCloseable {

    record Result(String name, int clients, long requests, long errors, double seconds, double p50Millis, double p99Millis) {
        double perSecond() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format("%-44s clients=%3d  requests=%6d  errors=%4d  req/s=%8.1f  p50=%7.1f ms  p99=%7.1f ms",
                    name, clients, requests, errors, perSecond(), p50Millis, p99Millis);
        }
    }

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    private final URI graphql;
    /** Sent as {@code Authorization: Bearer ...} when set. */
    private volatile String token;

    LoadDriver(URI graphql) {
        this.graphql = graphql;
    }

    /** The bearer token of the following requests; null sends none. */
    LoadDriver authorize(String bearer) {
        this.token = bearer;
        return this;
    }

    String token() {
        return token;
    }

    /** One request; returns the body (seeding and warm-up checks). */
    String once(String jsonBody) throws Exception {
        HttpClient http = vertx.createHttpClient();
        try {
            return http.request(request()).compose(r -> r.send(jsonBody)).compose(r -> r.body()).map(Buffer::toString)
                    .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } finally {
            http.close();
        }
    }

    Result run(String name, int clients, Duration duration, String jsonBody) throws Exception {
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setPipelining(false),
                new PoolOptions().setHttp1MaxSize(clients));
        Buffer body = Buffer.buffer(jsonBody);
        Client[] all = new Client[clients];
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        try {
            CompletableFuture<?>[] done = new CompletableFuture<?>[clients];
            for (int i = 0; i < clients; i++) {
                all[i] = new Client(http, body, deadline);
                done[i] = all[i].done;
                Client c = all[i];
                vertx.runOnContext(v -> c.next());
            }
            CompletableFuture.allOf(done).get(duration.toSeconds() + 120, TimeUnit.SECONDS);
        } finally {
            http.close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] latencies = Arrays.stream(all).flatMapToLong(c -> Arrays.stream(c.latencies, 0, c.count)).sorted().toArray();
        long errors = Arrays.stream(all).mapToLong(c -> c.errors).sum();
        return new Result(name, clients, latencies.length, errors, seconds, percentile(latencies, 50), percentile(latencies, 99));
    }

    /** One client: a request in flight at a time; runs on the driver's event loop only, so no locking. */
    private final class Client {
        final HttpClient http;
        final Buffer body;
        final long deadline;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        long[] latencies = new long[4096];
        int count;
        long errors;

        Client(HttpClient http, Buffer body, long deadline) {
            this.http = http;
            this.body = body;
            this.deadline = deadline;
        }

        void next() {
            if (System.nanoTime() >= deadline) {
                done.complete(null);
                return;
            }
            long t0 = System.nanoTime();
            http.request(request())
                    .compose(r -> r.send(body))
                    .compose(r -> r.body().map(b -> r.statusCode() == 200 && !b.toString().contains("\"errors\"")))
                    .onComplete(ar -> {
                        record(System.nanoTime() - t0, ar.succeeded() && ar.result());
                        next();
                    });
        }

        void record(long nanos, boolean ok) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
            if (!ok) {
                errors++;
            }
        }
    }

    private RequestOptions request() {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(graphql.getHost()).setPort(graphql.getPort())
                .setURI(graphql.getPath()).putHeader("Content-Type", "application/json").setTimeout(30_000);
        String bearer = token;
        return bearer == null ? options : options.putHeader("Authorization", "Bearer " + bearer);
    }

    static double percentile(long[] sortedNanos, int p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
