package dev.billinggateway.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Closed-loop load: N clients, each sending its next request when the previous one answered. */
final class LoadDriver {

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

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8)).build();
    private final URI graphql;

    LoadDriver(URI graphql) {
        this.graphql = graphql;
    }

    /** One request; returns the body (for tests of the harness and for warm-up checks). */
    String once(String jsonBody) throws Exception {
        return http.send(request(jsonBody), HttpResponse.BodyHandlers.ofString()).body();
    }

    Result run(String name, int clients, Duration duration, String jsonBody) throws Exception {
        HttpRequest request = request(jsonBody);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<List<Long>> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                List<Long> mine = new ArrayList<>();
                latencies.add(mine);
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        mine.add(System.nanoTime() - t0);
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        Collections.sort(all);
        return new Result(name, clients, all.size(), errors.get(), seconds, percentile(all, 50), percentile(all, 99));
    }

    static double percentile(List<Long> sortedNanos, int p) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, Math.min(index, sortedNanos.size() - 1))) / 1e6;
    }

    private HttpRequest request(String jsonBody) {
        return HttpRequest.newBuilder(graphql).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)).build();
    }
}
