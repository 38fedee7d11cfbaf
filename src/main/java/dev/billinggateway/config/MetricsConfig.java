package dev.billinggateway.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.config.MeterFilter;

/**
 * The sandbox servers and the main server must share the http.server meters' tag keys: Quarkus tags
 * {@code server.port} only for ports above 0, and Prometheus refuses meters whose tag keys differ (start-up
 * then waits forever on a test server bound to port 0).
 */
public class MetricsConfig {

    @Produces
    @Singleton
    MeterFilter withoutServerPortTag() {
        return MeterFilter.ignoreTags("server.port");
    }
}
