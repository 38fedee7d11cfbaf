package dev.billinggateway.benchmark;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The single-object read measured by wrk, when it is installed: a load generator in C, in its own process, costs
 * the gateway far less of the two cores than the in-JVM driver does. Optional: without wrk the line says so.
 */
final class Wrk {

    private Wrk() {
    }

    static Optional<String> singleSubscription(URI graphql, String subscriptionId, int connections, Duration duration) throws Exception {
        return run("single subscription, wrk (own process)", "single-subscription.lua", Map.of("SUBSCRIPTION_ID", subscriptionId),
                graphql, connections, duration).map(Run::line);
    }

    /** What one wrk run printed: the figures, and the request count for per-request ratios. */
    record Run(String line, long requests) {
    }

    /** One wrk run of a script in {@code src/test/resources/benchmark/} with these environment variables. */
    static Optional<Run> run(String name, String scriptName, Map<String, String> env, URI graphql, int connections, Duration duration)
            throws Exception {
        if (!installed()) {
            return Optional.empty();
        }
        Path script = Files.createTempFile(scriptName.replace(".lua", ""), ".lua");
        try (var in = Wrk.class.getResourceAsStream("/benchmark/" + scriptName)) {
            Files.write(script, in.readAllBytes());
        }
        try {
            ProcessBuilder wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s", "--latency",
                    "-s", script.toString(), graphql.toString()).redirectErrorStream(true);
            wrk.environment().putAll(env);
            Process process = wrk.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS);
            return Optional.of(new Run(String.format("%-44s clients=%3d  req/s=%8s  p50=%9s  p99=%9s  non-2xx=%s",
                    name, connections, find(out, "Requests/sec:\\s+([\\d.]+)"),
                    find(out, "\\s50%\\s+(\\S+)"), find(out, "\\s99%\\s+(\\S+)"), find(out, "Non-2xx or 3xx responses:\\s+(\\d+)", "0")),
                    Long.parseLong(find(out, "(\\d+) requests in", "0"))));
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static boolean installed() {
        try {
            return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    private static String find(String text, String regex) {
        return find(text, regex, "?");
    }

    private static String find(String text, String regex, String otherwise) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : otherwise;
    }
}
