package dev.billinggateway.connector;

import dev.billinggateway.domain.GatewayException;

/** Checks a provider's webhook signature. Fails closed: anything not proven genuine is refused. */
public interface VerifyWebhook extends ProviderOperation {

    /**
     * @throws GatewayException with code UNAUTHENTICATED when the signature is missing or wrong, VALIDATION
     *                          when the body cannot be read
     */
    VerifiedWebhook verifyWebhook(WebhookRequest request);
}
