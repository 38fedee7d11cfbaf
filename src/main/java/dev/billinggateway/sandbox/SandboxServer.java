package dev.billinggateway.sandbox;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.domain.GatewayException;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Context;
import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Serves every {@link ProviderSandbox} on its own loopback port when {@code gateway.sandbox.enabled}, on the port
 * {@link SandboxConfigSourceFactory} put in the configuration that points the providers here. Providers never ask
 * this class anything: they read their {@code api-url}; tests ask {@link #baseUrl(Provider)}.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" }) // not in the production build
public class SandboxServer {

    private static final Logger LOG = Logger.getLogger(SandboxServer.class);

    @Inject
    SandboxConfig config;

    @Inject
    Vertx vertx;

    @Inject
    Instance<ProviderSandbox> sandboxes;

    @Inject
    SandboxFaults faults;

    private final Map<Provider, String> baseUrls = new EnumMap<>(Provider.class);
    private final Map<Provider, HttpServer> servers = new EnumMap<>(Provider.class);
    private volatile boolean started;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (config.enabled()) {
            start();
        }
    }

    /** Waits (bounded) for the ports to be free again: a restart in the same JVM (dev mode) listens on them again. */
    void onStop(@Observes ShutdownEvent event) {
        for (HttpServer server : servers.values()) {
            try {
                server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debugf("Sandbox server not closed within 5 s: %s", e.getMessage());
            }
        }
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** The base URL of the provider's sandbox; empty when the sandbox is off or has no simulator for it. */
    public Optional<String> baseUrl(Provider provider) {
        if (enabled() && !started) {
            if (Context.isOnEventLoopThread()) {
                // starting waits for the event loop: never from one (e.g. a request during shutdown)
                throw GatewayException.unavailable(provider, "the sandbox is not running", null);
            }
            start(); // a connector may ask before StartupEvent reaches this bean
        }
        return Optional.ofNullable(baseUrls.get(provider));
    }

    private synchronized void start() {
        if (started) {
            return;
        }
        String host = config.host();
        for (ProviderSandbox sandbox : sandboxes) {
            Provider provider = sandbox.provider();
            int port = Optional.ofNullable(config.listen().get(provider.slug())).map(url -> java.net.URI.create(url).getPort()).orElse(0);
            Router router = Router.router(vertx);
            long latency = config.latency().toMillis();
            // the body is read first: a request whose body arrives while the latency timer runs would
            // otherwise never reach a body handler installed after it (the request hangs)
            // no file uploads: a body handler that accepts them writes to a local folder
            router.route().handler(BodyHandler.create(false).setBodyLimit(1024 * 1024));
            router.route().handler(ctx -> {
                faults.record(provider, ctx.request().method().name(), ctx.request().uri());
                SandboxFaults.Fault fault = faults.forCall(provider, ctx.request().path());
                if (fault.mode() == SandboxFaults.Mode.HANG) {
                    return; // never answers: the gateway's timeout must cut it off
                }
                long delay = latency + fault.extraLatencyMillis();
                Runnable proceed = () -> {
                    if (fault.mode() == SandboxFaults.Mode.ERROR) {
                        ctx.response().setStatusCode(503).end("simulated outage");
                    } else {
                        ctx.next();
                    }
                };
                if (delay > 0) {
                    vertx.setTimer(delay, t -> proceed.run()); // simulated provider latency
                } else {
                    proceed.run();
                }
            });
            HttpServer server;
            try {
                // not traced: the gateway's own client spans show these calls; the sandbox's server side is noise
                server = vertx.createHttpServer(new io.vertx.core.http.HttpServerOptions().setTracingPolicy(io.vertx.core.tracing.TracingPolicy.IGNORE))
                        .connectionHandler(connection -> faults.connected(provider))
                        .requestHandler(router).listen(port, host)
                        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the " + provider + " sandbox on " + host + ":" + port, e);
            }
            String baseUrl = "http://" + host + ":" + server.actualPort();
            sandbox.install(router, baseUrl);
            servers.put(provider, server);
            baseUrls.put(provider, baseUrl);
            LOG.infof("Sandbox for %s listening at %s", provider, baseUrl);
        }
        started = true;
    }
}
