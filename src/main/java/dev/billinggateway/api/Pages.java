package dev.billinggateway.api;

import dev.billinggateway.config.GatewayConfig;
import dev.billinggateway.domain.GatewayException;

/** The {@code first} argument: default and bounds from configuration. */
final class Pages {
    private Pages() {
    }

    static int size(Integer first, GatewayConfig config) {
        if (first == null) {
            return config.limits().defaultPageSize();
        }
        int max = config.limits().maxPageSize();
        if (first < 1 || first > max) {
            throw GatewayException.validation("first", "1.." + max, "first must be between 1 and " + max);
        }
        return first;
    }
}
