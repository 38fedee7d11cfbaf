package dev.billinggateway.connector;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.domain.ProviderCapabilities;
import dev.billinggateway.domain.Support;

/**
 * Finds each provider's module and operation beans. Nothing here names a provider: a provider is added
 * by adding its package, and its capabilities follow from the operation interfaces it implements.
 */
@ApplicationScoped
public class ConnectorRegistry {

    @Inject
    @Any
    Instance<ProviderOperation> beans;

    private final Map<Provider, ProviderModule> modules = new EnumMap<>(Provider.class);
    private final Map<Provider, List<ProviderOperation>> operations = new EnumMap<>(Provider.class);

    @PostConstruct
    void index() {
        for (ProviderOperation bean : beans) {
            if (bean instanceof ProviderModule module) {
                modules.put(module.provider(), module);
            }
            operations.computeIfAbsent(bean.provider(), p -> new ArrayList<>()).add(bean);
        }
    }

    /** Providers that have a module, in enum order. */
    public List<Provider> providers() {
        return List.copyOf(modules.keySet());
    }

    /** Providers that are switched on, in enum order. */
    public List<Provider> enabledProviders() {
        return modules.values().stream().filter(ProviderModule::enabled).map(ProviderModule::provider).toList();
    }

    public Optional<ProviderModule> module(Provider provider) {
        return Optional.ofNullable(modules.get(provider));
    }

    public boolean enabled(Provider provider) {
        return module(provider).map(ProviderModule::enabled).orElse(false);
    }

    /** The account name used in links for this provider. */
    public String account(Provider provider) {
        return module(provider).map(ProviderModule::account).orElse("default");
    }

    public <T extends ProviderOperation> Optional<T> find(Provider provider, Class<T> operation) {
        for (ProviderOperation bean : operations.getOrDefault(provider, List.of())) {
            if (operation.isInstance(bean)) {
                return Optional.of(operation.cast(bean));
            }
        }
        return Optional.empty();
    }

    /**
     * The provider's implementation of an operation, or UNSUPPORTED_BY_PROVIDER (before anything is sent).
     *
     * @param hint what to do instead, for the error message; may be null
     */
    public <T extends ProviderOperation> T require(Provider provider, Class<T> operation, String operationName, String hint) {
        if (!enabled(provider)) {
            throw GatewayException.of(ErrorCode.PROVIDER_UNAVAILABLE, provider + " is not enabled on this gateway")
                    .provider(provider).retryable(false).build();
        }
        return find(provider, operation).orElseThrow(() -> GatewayException.unsupported(provider, operationName, hint));
    }

    public ProviderCapabilities capabilities(Provider provider) {
        Optional<UpdateSubscription> updater = find(provider, UpdateSubscription.class);
        return new ProviderCapabilities(
                support(provider, ToggleCustomerStatus.class),
                support(provider, CreateSubscription.class),
                support(provider, UpdateSubscription.class),
                updater.map(u -> u.updatableFields().stream().sorted().toList()).orElse(List.of()),
                find(provider, CancelSubscription.class).map(CancelSubscription::cancelSupport).orElse(Support.UNSUPPORTED),
                find(provider, ListCustomers.class).isPresent() ? Support.NATIVE
                        // without a list endpoint the gateway lists the customers it created or linked
                        : find(provider, FetchCustomer.class).isPresent() ? Support.EMULATED : Support.UNSUPPORTED);
    }

    private Support support(Provider provider, Class<? extends ProviderOperation> operation) {
        return find(provider, operation).isPresent() ? Support.NATIVE : Support.UNSUPPORTED;
    }
}
