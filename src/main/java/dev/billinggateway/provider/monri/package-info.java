/**
 * The Monri connector: customers, plans and customer subscriptions of Monri API v2 behind the gateway's operations,
 * and Monri's callbacks. The roles, in the order every provider package lists them
 * ({@code docs/adding-a-provider.md}):
 *
 * <ul>
 * <li>{@code MonriApi}: the package-private REST client; bodies go out as the exact JSON text that is signed.</li>
 * <li>{@link dev.billinggateway.provider.monri.MonriClient}: its fault-tolerant face (read and write guards) and
 * Monri's resources as typed calls.</li>
 * <li>{@link dev.billinggateway.provider.monri.MonriConnector}: get and list customers; get, create, update and
 * cancel (emulated by moving {@code active_to}) customer subscriptions.</li>
 * <li>{@link dev.billinggateway.provider.monri.MonriModule}: switch, account, health, circuits and the effective
 * URL and credentials.</li>
 * <li>{@link dev.billinggateway.provider.monri.MonriConfig}: the settings {@code gateway.providers.monri.*}.</li>
 * <li>{@code MonriMapping}: {@code dto} ↔ the unified model.</li>
 * <li>{@code MonriRules}: Monri's input rules, checked before sending.</li>
 * <li>{@code MonriErrors}: Monri's {@code status}/{@code message} envelope and transport failures
 * ({@code MonriFailure}) to {@link dev.billinggateway.domain.GatewayException}.</li>
 * <li>{@link dev.billinggateway.provider.monri.MonriWebhooks}: callbacks signed {@code WP3-callback}.</li>
 * <li>{@link dev.billinggateway.provider.monri.MonriAuth}: the SHA-512 digests of requests ({@code WP3-v2.1}, its
 * request filter) and callbacks.</li>
 * <li>{@code dto}: Monri's request and response bodies ({@link dev.billinggateway.provider.monri.dto.MonriJson}).</li>
 * <li>{@code sandbox}: the Monri simulator and its demo data (dev and test only).</li>
 * </ul>
 */
package dev.billinggateway.provider.monri;
