/**
 * The provider connector SPI: one small interface per operation. A provider package implements the
 * operations its API offers (as CDI beans); the {@link dev.billinggateway.connector.ConnectorRegistry}
 * finds them, and a provider's capabilities follow from which interfaces it implements. An operation a
 * provider lacks fails with {@code UNSUPPORTED_BY_PROVIDER} before anything is sent.
 *
 * <p>Connectors speak the unified model ({@link dev.billinggateway.domain}) and report failures as
 * {@link dev.billinggateway.domain.GatewayException}; gateway IDs, snapshots, idempotency and audit are
 * the gateway's business, not theirs.
 */
package dev.billinggateway.connector;
