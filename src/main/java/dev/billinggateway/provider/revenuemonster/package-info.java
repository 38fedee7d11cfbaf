/**
 * The Revenue Monster connector: recurring customers (each with its one schedule) behind the gateway's operations,
 * and RM's signed notify callbacks. The roles, in the order every provider package lists them
 * ({@code docs/adding-a-provider.md}):
 *
 * <ul>
 * <li>{@code RevenueMonsterApi} and {@code RevenueMonsterTokenApi}: the package-private REST clients of the Open API
 * and of the OAuth host.</li>
 * <li>{@link dev.billinggateway.provider.revenuemonster.RevenueMonsterClient}: their fault-tolerant face (read and
 * write guards, signed requests, the bearer token, RM's envelopes).</li>
 * <li>{@link dev.billinggateway.provider.revenuemonster.RevenueMonsterConnector}: get, toggle, create, cancel
 * (emulated by deactivating).</li>
 * <li>{@link dev.billinggateway.provider.revenuemonster.RevenueMonsterModule}: switch, account, health, circuits and
 * the effective URLs, credentials and keys.</li>
 * <li>{@link dev.billinggateway.provider.revenuemonster.RevenueMonsterConfig}: the settings
 * {@code gateway.providers.revenue-monster.*}.</li>
 * <li>{@link dev.billinggateway.provider.revenuemonster.RevenueMonsterMapping}: {@code dto} ↔ the unified model.</li>
 * <li>{@link dev.billinggateway.provider.revenuemonster.RevenueMonsterRules}: RM's input rules for Create Recurring
 * Customer, checked before sending.</li>
 * <li>{@code RevenueMonsterErrors}: RM's error envelopes and transport failures
 * ({@link dev.billinggateway.provider.revenuemonster.RevenueMonsterFailure}) to
 * {@link dev.billinggateway.domain.GatewayException}.</li>
 * <li>{@link dev.billinggateway.provider.revenuemonster.RevenueMonsterWebhooks}: notify callbacks, verified with RM's
 * public key.</li>
 * <li>{@link dev.billinggateway.provider.revenuemonster.RevenueMonsterAuth}: the SHA256withRSA request signature,
 * with its package-private helpers {@code RevenueMonsterAuthCanonicalJson}, {@code RevenueMonsterAuthKeys} and
 * {@code RevenueMonsterAuthTokens} (the OAuth access token).</li>
 * <li>{@code dto}: RM's request and response bodies.</li>
 * <li>{@code sandbox}: the Revenue Monster simulator and its demo data (dev and test only).</li>
 * </ul>
 */
package dev.billinggateway.provider.revenuemonster;
