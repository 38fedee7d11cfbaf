package dev.billinggateway.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.ext.Provider;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * What a request left behind: rows in the gateway's tables and requests sent to providers (every REST
 * client request passes this globally registered client filter).
 */
@Provider
public class Effects implements ClientRequestFilter {

    static final AtomicLong PROVIDER_REQUESTS = new AtomicLong();
    static final List<String> TABLES = List.of("audit_log", "customer_link", "subscription_link", "webhook_event", "idempotency_record");

    @Override
    public void filter(ClientRequestContext request) {
        PROVIDER_REQUESTS.incrementAndGet();
    }

    /** Row counts of the tables a mutation or webhook writes, plus the provider requests sent so far. */
    static Map<String, Long> snapshot(Pool pool) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, count(pool, table));
        }
        counts.put("provider requests", PROVIDER_REQUESTS.get());
        return counts;
    }

    /** A snapshot once the gateway is idle (start-up work, such as linking sandbox demo objects, runs in the background). */
    static Map<String, Long> settled(Pool pool) {
        Map<String, Long> previous = snapshot(pool);
        for (int i = 0; i < 50; i++) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Map<String, Long> current = snapshot(pool);
            if (current.equals(previous)) {
                return current;
            }
            previous = current;
        }
        return previous;
    }

    static long count(Pool pool, String table) {
        try {
            Row row = pool.query("select count(*) from " + table).execute().await().indefinitely().iterator().next();
            return row.getLong(0);
        } catch (RuntimeException e) {
            return -1; // table not in this schema version
        }
    }
}
