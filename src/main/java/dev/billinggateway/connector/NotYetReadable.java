package dev.billinggateway.connector;

import dev.billinggateway.domain.GatewayException;

/**
 * A read the provider refuses for an object it does have, because the object is not far enough along to be shown
 * (Revenue Monster shows a customer only once a card was bound). The gateway then serves what it last knew of the
 * object (its snapshot, e.g. PENDING as created); without one, the client sees {@link #error()}.
 */
public final class NotYetReadable extends RuntimeException {

    private final GatewayException error;

    public NotYetReadable(GatewayException error) {
        super(error.getMessage(), error, false, false);
        this.error = error;
    }

    public GatewayException error() {
        return error;
    }
}
