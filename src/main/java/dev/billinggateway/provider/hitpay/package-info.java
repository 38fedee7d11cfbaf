/**
 * The HitPay connector: recurring billings ({@code /v1/recurring-billing}) behind the gateway's operations, and
 * HitPay's webhooks. The roles, in the order every provider package lists them ({@code docs/adding-a-provider.md}):
 *
 * <ul>
 * <li>{@code HitPayApi}: the package-private REST client ({@code X-BUSINESS-API-KEY},
 * {@code X-Requested-With: XMLHttpRequest}, JSON), wire types only.</li>
 * <li>{@link dev.billinggateway.provider.hitpay.HitPayClient}: its fault-tolerant face (read and write guards).</li>
 * <li>{@link dev.billinggateway.provider.hitpay.HitPayConnector}: get, list, create, update, cancel; customers are
 * the {@code customer_email} of billings (HitPay has no customer object and no status toggle).</li>
 * <li>{@link dev.billinggateway.provider.hitpay.HitPayModule}: switch, account fingerprint, health, circuits and the
 * effective URL, key and salts.</li>
 * <li>{@link dev.billinggateway.provider.hitpay.HitPayConfig}: the settings {@code gateway.providers.hitpay.*}.</li>
 * <li>{@link dev.billinggateway.provider.hitpay.HitPayMapping}: {@code dto} ↔ the unified model.</li>
 * <li>{@link dev.billinggateway.provider.hitpay.HitPayRules}: HitPay's input rules, checked before sending.</li>
 * <li>{@code HitPayErrors}: Laravel's envelopes and transport failures ({@code HitPayFailure}) to
 * {@link dev.billinggateway.domain.GatewayException}.</li>
 * <li>{@link dev.billinggateway.provider.hitpay.HitPayWebhooks}: the form webhook ({@code hmac} field) and the event
 * webhook ({@code Hitpay-Signature} header).</li>
 * <li>{@link dev.billinggateway.provider.hitpay.HitPayAuth}: HitPay's webhook HMACs.</li>
 * <li>{@code dto}: HitPay's request and response bodies.</li>
 * <li>{@code sandbox}: the HitPay simulator and its demo data (dev and test only).</li>
 * </ul>
 *
 * <p>Configuration ({@link dev.billinggateway.provider.hitpay.HitPayConfig}, each key also as an environment
 * variable): {@code gateway.providers.hitpay.enabled}, {@code .api-url}, {@code .api-key},
 * {@code .webhook-salt}, {@code .event-webhook-salt}, {@code .webhook-url}, {@code .connect-timeout},
 * {@code .read-timeout}, {@code .list-page-size}, {@code .max-list-pages}.
 */
package dev.billinggateway.provider.hitpay;
