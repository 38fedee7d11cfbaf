package dev.billinggateway.live;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code gateway.live.*}: GraphQL subscriptions over the WebSocket at {@code /graphql} (README "## Live updates"). */
@ConfigMapping(prefix = "gateway.live")
public interface LiveConfig {

    /** The PostgreSQL channel every instance LISTENs on and NOTIFYs to. */
    @WithDefault("billing_gateway_changes")
    String channel();

    /** How long a new connection may take to send {@code connection_init} (closed with 4408 after). */
    @WithDefault("10s")
    Duration initTimeout();

    /** A connection that follows nothing for this long is closed (1000). */
    @WithDefault("5m")
    Duration idleTimeout();

    /** Most operations (followed objects or feeds) one connection may run at once. */
    @WithDefault("20")
    int maxOperationsPerConnection();

    /** Bytes that may wait to be written to one connection; a client that lets more pile up is disconnected (1013). */
    @WithDefault("262144")
    int maxQueuedBytes();

    /** Events one operation may hold while its client has not taken the previous ones; more ends the operation. */
    @WithDefault("64")
    int bufferedEvents();
}
