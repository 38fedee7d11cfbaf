package dev.billinggateway.provider.monri;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.billinggateway.connector.FetchCustomer;
import dev.billinggateway.connector.ListCustomers;
import dev.billinggateway.connector.PageRequest;
import dev.billinggateway.connector.ProviderPage;
import dev.billinggateway.domain.Customer;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.observability.ObservedProviderCalls;
import io.smallrye.mutiny.Uni;

/** Monri customers: {@code GET /v2/customers/:uuid} and {@code GET /v2/customers?limit=&offset=}. */
@ApplicationScoped
@ObservedProviderCalls
public class MonriCustomers implements FetchCustomer, ListCustomers {

    /** Monri's page when none is asked for is 20; larger pages are not documented, so stay modest. */
    static final int MAX_PAGE = 100;

    @Inject
    MonriErrors monri;

    @Override
    public Provider provider() {
        return Provider.MONRI;
    }

    @Override
    public Uni<Customer> fetchCustomer(String providerCustomerId) {
        return monri.customer(providerCustomerId).map(MonriMapping::customer);
    }

    /** Pages by offset; the cursor is the next offset. Monri cannot filter, so the e-mail filter applies per page. */
    @Override
    public Uni<ProviderPage<Customer>> listCustomers(String email, PageRequest page) {
        int limit = Math.max(1, Math.min(page.limit(), MAX_PAGE));
        return Uni.createFrom().item(page::cursor).map(MonriCustomers::offset)
                .flatMap(offset -> monri.customers(limit, offset).map(list -> page(list, email, limit, offset)));
    }

    private static ProviderPage<Customer> page(MonriJson.CustomerList list, String email, int limit, int offset) {
        List<MonriJson.Customer> data = list.data() == null ? List.of() : list.data();
        List<Customer> items = data.stream()
                .filter(c -> email == null || email.equalsIgnoreCase(c.email()))
                .map(MonriMapping::customer)
                .toList();
        // a full page may have more behind it
        return new ProviderPage<>(items, data.size() < limit ? null : Integer.toString(offset + limit));
    }

    private static int offset(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(cursor);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the validation error
        }
        throw GatewayException.validation("after", "a cursor returned by a previous MONRI page", "unknown cursor");
    }
}
