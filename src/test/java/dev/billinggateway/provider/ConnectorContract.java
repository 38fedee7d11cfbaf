package dev.billinggateway.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.billinggateway.connector.ConnectorRegistry;
import dev.billinggateway.connector.CreateSubscription;
import dev.billinggateway.connector.FetchCustomer;
import dev.billinggateway.connector.FetchSubscription;
import dev.billinggateway.connector.ListCustomerSubscriptions;
import dev.billinggateway.connector.ListCustomers;
import dev.billinggateway.connector.ListSubscriptions;
import dev.billinggateway.connector.PageRequest;
import dev.billinggateway.connector.ProviderPage;
import dev.billinggateway.connector.VerifiedWebhook;
import dev.billinggateway.connector.VerifyWebhook;
import dev.billinggateway.connector.WebhookRequest;
import dev.billinggateway.domain.CreateSubscriptionInput;
import dev.billinggateway.domain.Customer;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.domain.Subscription;
import io.smallrye.mutiny.Uni;

/**
 * The connector test kit: what every provider's connector must do, tested the same way for each. A provider's
 * contract test ({@code <P>ContractTest}, a {@code @QuarkusTest} pointing the provider at WireMock) extends this
 * class and supplies the provider's answers and its expectations; the tests here reach the connector only
 * through {@link ConnectorRegistry} and the {@code connector/} operation interfaces, as the services do.
 * <p>
 * The kit checks: authentication on every request, mapping of a fetched and of a listed object, a provider error
 * mapped to a unified code with the provider's own code beside it (and no secret in the message), an unknown object
 * as NOT_FOUND, webhook verification (genuine, tampered, unsigned, duplicate delivery), and nothing sent on invalid
 * input. See {@code docs/adding-a-provider.md}.
 */
public abstract class ConnectorContract {

    @Inject
    protected ConnectorRegistry connectors;

    // ---- what the provider's test supplies

    protected abstract Provider provider();

    /** The WireMock standing in for the provider; the subclass resets it before each test. */
    protected abstract WireMockServer providerServer();

    /** Asserts that one request carries the provider's authentication (credentials, a signature that verifies). */
    protected abstract void assertAuthenticated(LoggedRequest request) throws Exception;

    /** Configured secrets (keys, salts, client secrets) that must never appear in an error. */
    protected abstract List<String> secrets();

    /** Stubs the provider's answer(s) for one subscription and returns its provider ID. */
    protected abstract String stubFetchedSubscription();

    /** What the subscription answered by {@link #stubFetchedSubscription()} must map to. */
    protected abstract void assertFetchedSubscription(Subscription subscription);

    /** Stubs the provider's answer(s) for one customer and returns its provider ID. */
    protected abstract String stubFetchedCustomer();

    protected abstract void assertFetchedCustomer(Customer customer);

    /**
     * The list a provider answers natively: all its subscriptions, all its customers, or the subscriptions of one
     * customer (for a provider that has neither of the first two).
     */
    public record Listed(Kind kind, String customerId) {
        public enum Kind {
            SUBSCRIPTIONS,
            CUSTOMERS,
            SUBSCRIPTIONS_OF_CUSTOMER
        }

        public static Listed subscriptions() {
            return new Listed(Kind.SUBSCRIPTIONS, null);
        }

        public static Listed customers() {
            return new Listed(Kind.CUSTOMERS, null);
        }

        public static Listed subscriptionsOf(String providerCustomerId) {
            return new Listed(Kind.SUBSCRIPTIONS_OF_CUSTOMER, providerCustomerId);
        }
    }

    /** Stubs a first page (no filter, at most 10) of the provider's native list, holding at least one object. */
    protected abstract Listed stubListed();

    /** What that page must map to: a page of {@link Subscription}s or of {@link Customer}s. */
    protected abstract void assertListed(ProviderPage<?> page);

    /** Stubs the provider answering "no such object" for a subscription and returns that ID. */
    protected abstract String stubUnknownSubscription();

    /** Stubs a provider refusal (e.g. bad credentials, an error envelope) of the subscription read. */
    protected abstract ExpectedError stubRejectedSubscriptionRead();

    /** A webhook exactly as the provider sends it, signed with the configured secret. */
    protected abstract WebhookRequest genuineWebhook();

    /** The genuine webhook without its signature (header or field removed). */
    protected abstract WebhookRequest unsignedWebhook();

    /** The object the genuine webhook names, which the gateway must re-read. */
    protected abstract VerifiedWebhook.ObjectRef webhookObject();

    /** Input that breaks one of the provider's own create rules (not a generic one), and the field it names. */
    protected abstract InvalidInput invalidCreate();

    /** A provider refusal and how it must surface: unified code and the provider's own code. */
    public record ExpectedError(String subscriptionId, ErrorCode code, String providerCode) {
    }

    public record InvalidInput(CreateSubscriptionInput input, String field) {
    }

    // ---- the contract

    @Test
    void fetchedSubscriptionIsAuthenticatedAndMapped() throws Exception {
        String id = stubFetchedSubscription();
        Subscription subscription = resultOf(operation(FetchSubscription.class).fetchSubscription(id));
        assertThat(subscription.provider()).isEqualTo(provider());
        assertThat(subscription.providerSubscriptionId()).isEqualTo(id);
        assertFetchedSubscription(subscription);
        assertEveryRequestAuthenticated();
    }

    @Test
    void fetchedCustomerIsAuthenticatedAndMapped() throws Exception {
        String id = stubFetchedCustomer();
        Customer customer = resultOf(operation(FetchCustomer.class).fetchCustomer(id));
        assertThat(customer.provider()).isEqualTo(provider());
        assertThat(customer.providerCustomerId()).isEqualTo(id);
        assertFetchedCustomer(customer);
        assertEveryRequestAuthenticated();
    }

    @Test
    void aListedPageIsAuthenticatedAndMapped() throws Exception {
        Listed listed = stubListed();
        ProviderPage<?> page = switch (listed.kind()) {
            case SUBSCRIPTIONS -> resultOf(operation(ListSubscriptions.class).listSubscriptions(null, null, PageRequest.first(10)));
            case CUSTOMERS -> resultOf(operation(ListCustomers.class).listCustomers(null, PageRequest.first(10)));
            case SUBSCRIPTIONS_OF_CUSTOMER -> ProviderPage.last(
                    resultOf(operation(ListCustomerSubscriptions.class).subscriptionsOf(listed.customerId())));
        };
        assertThat(page.items()).isNotEmpty().allSatisfy(item -> assertThat(
                item instanceof Subscription s ? s.provider() : item instanceof Customer c ? c.provider() : null)
                .isEqualTo(provider()));
        assertListed(page);
        assertEveryRequestAuthenticated();
    }

    @Test
    void anUnknownSubscriptionIsNotFound() {
        String id = stubUnknownSubscription();
        GatewayException e = failureOf(() -> operation(FetchSubscription.class).fetchSubscription(id));
        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void aProviderRefusalIsAUnifiedCodeWithTheProvidersOwnCodeAndNoSecret() {
        ExpectedError expected = stubRejectedSubscriptionRead();
        GatewayException e = failureOf(() -> operation(FetchSubscription.class).fetchSubscription(expected.subscriptionId()));
        assertThat(e.code()).isEqualTo(expected.code());
        assertThat(e.provider()).isEqualTo(provider());
        assertThat(e.providerCode()).isEqualTo(expected.providerCode());
        String everything = e.getMessage() + " " + e.providerMessage() + " " + e.extensions();
        for (String secret : secrets()) {
            assertThat(everything).doesNotContain(secret);
        }
    }

    @Test
    void aGenuineWebhookIsVerifiedAndNamesWhatToReRead() {
        VerifiedWebhook verified = operation(VerifyWebhook.class).verifyWebhook(genuineWebhook());
        assertThat(verified.dedupKey()).isNotBlank();
        assertThat(verified.affected()).contains(webhookObject());
        assertNothingSentToProvider(); // a webhook is verified offline: it costs no provider call
    }

    @Test
    void aRedeliveredWebhookHasTheSameDedupKey() {
        VerifyWebhook verifier = operation(VerifyWebhook.class);
        assertThat(verifier.verifyWebhook(genuineWebhook()).dedupKey())
                .isEqualTo(verifier.verifyWebhook(genuineWebhook()).dedupKey());
    }

    @Test
    void aTamperedOrUnsignedWebhookIsRefused() {
        WebhookRequest genuine = genuineWebhook();
        assertRefused(tampered(genuine));
        assertRefused(unsignedWebhook());
        assertNothingSentToProvider();
    }

    @Test
    void invalidInputSendsNothing() {
        InvalidInput invalid = invalidCreate();
        CreateSubscription create = operation(CreateSubscription.class);
        GatewayException checked = thrownBy(() -> create.validateCreate(invalid.input()));
        assertThat(checked.code()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(checked.field()).isEqualTo(invalid.field());
        assertThat(checked.rule()).isNotBlank();
        GatewayException sent = failureOf(() -> create.createSubscription(invalid.input()));
        assertThat(sent.code()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(sent.field()).isEqualTo(invalid.field());
        assertNothingSentToProvider();
    }

    // ---- helpers for the kit and its subclasses

    protected <T extends dev.billinggateway.connector.ProviderOperation> T operation(Class<T> type) {
        return connectors.find(provider(), type)
                .orElseThrow(() -> new AssertionError(provider() + " does not implement " + type.getSimpleName()));
    }

    protected static <T> T resultOf(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(30));
    }

    protected static GatewayException failureOf(Supplier<Uni<?>> call) {
        return thrownBy(() -> resultOf(call.get()));
    }

    protected static GatewayException thrownBy(Runnable call) {
        try {
            call.run();
        } catch (GatewayException e) {
            return e;
        }
        return fail("expected a GatewayException");
    }

    protected void assertEveryRequestAuthenticated() throws Exception {
        List<LoggedRequest> requests = providerServer().findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).as("requests sent to " + provider()).isNotEmpty();
        for (LoggedRequest request : requests) {
            assertAuthenticated(request);
        }
    }

    protected void assertNothingSentToProvider() {
        assertThat(providerServer().findAll(anyRequestedFor(anyUrl()))).as("requests sent to " + provider()).isEmpty();
    }

    private void assertRefused(WebhookRequest request) {
        GatewayException e = thrownBy(() -> operation(VerifyWebhook.class).verifyWebhook(request));
        assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }

    /** HMAC-SHA256 in lower-case hex, computed here apart from the provider code, for signing test webhooks. */
    protected static String hmacSha256Hex(String key, byte[] message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(message));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** The same delivery with one byte of its body changed: the last digit or letter of the body shifts by one. */
    protected static WebhookRequest tampered(WebhookRequest genuine) {
        byte[] body = Arrays.copyOf(genuine.body(), genuine.body().length);
        String text = new String(body, StandardCharsets.UTF_8);
        int at = text.length() - 1;
        while (at >= 0 && !Character.isLetterOrDigit(text.charAt(at))) {
            at--;
        }
        assertThat(at).as("a body with a letter or digit to change").isGreaterThanOrEqualTo(0);
        char c = text.charAt(at);
        char changed = c == '9' ? '8' : c == 'z' || c == 'Z' ? (char) (c - 1) : (char) (c + 1);
        String tamperedText = text.substring(0, at) + changed + text.substring(at + 1);
        return new WebhookRequest(genuine.method(), genuine.path(), genuine.headers(), tamperedText.getBytes(StandardCharsets.UTF_8));
    }
}
