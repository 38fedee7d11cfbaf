/**
 * The HitPay connector: recurring billings ({@code /v1/recurring-billing}) behind the gateway's
 * operations, and HitPay's webhooks.
 *
 * <ul>
 * <li>{@link dev.billinggateway.provider.hitpay.HitPayConnector}: get, list, create, update, cancel; customers
 * are the {@code customer_email} of billings (HitPay has no customer object and no status toggle).</li>
 * <li>{@link dev.billinggateway.provider.hitpay.HitPayClient}: the fault-tolerant face of the package-private
 * REST client {@code HitPayApi} ({@code X-BUSINESS-API-KEY}, {@code X-Requested-With: XMLHttpRequest}, JSON).</li>
 * <li>{@link dev.billinggateway.provider.hitpay.HitPayMapping} and {@link dev.billinggateway.provider.hitpay.HitPayRules}:
 * DTOs ({@code model}) to the unified model, and HitPay's rules checked before sending.</li>
 * <li>{@link dev.billinggateway.provider.hitpay.HitPayErrors}: Laravel's envelopes and transport failures to
 * {@link dev.billinggateway.domain.GatewayException}.</li>
 * <li>{@link dev.billinggateway.provider.hitpay.HitPayWebhooks}: the form webhook ({@code hmac} field) and the
 * event webhook ({@code Hitpay-Signature} header), see {@link dev.billinggateway.provider.hitpay.HitPayAuth}.</li>
 * <li>{@code sandbox}: the built-in HitPay simulator and its fixed demo data
 * ({@link dev.billinggateway.provider.hitpay.sandbox.HitPaySandboxData}).</li>
 * </ul>
 *
 * <p>Configuration ({@link dev.billinggateway.provider.hitpay.HitPayConfig}, each key also as an environment
 * variable): {@code gateway.providers.hitpay.enabled}, {@code .api-url}, {@code .api-key},
 * {@code .webhook-salt}, {@code .event-webhook-salt}, {@code .webhook-url}, {@code .connect-timeout},
 * {@code .read-timeout}, {@code .list-page-size}, {@code .max-list-pages}.
 */
package dev.billinggateway.provider.hitpay;
