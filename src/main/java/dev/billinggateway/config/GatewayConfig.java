package dev.billinggateway.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Gateway-wide settings. Provider settings are one mapping per provider in the provider's package
 * ({@code gateway.providers.<provider>.*}), with explicit names so that the environment-variable form
 * ({@code GATEWAY_PROVIDERS_HITPAY_API_KEY}) resolves.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    // The scheduler-syntax members (storage.recheck-every, metrics.backlog-every, reconcile.every, retention.every,
    // webhooks.retry-every) are read by @Scheduled("${...}") expressions, not through this interface; they stay declared
    // so that the "gateway" prefix accepts their keys (without them start-up fails: SRCFG00050 "does not map to any root").

    /** The base URL at which providers reach this gateway; webhook URLs are built from it. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    Cache cache();

    Limits limits();

    Reconcile reconcile();

    Reads reads();

    Retention retention();

    Storage storage();

    interface Storage {
        /** While PostgreSQL is known to be down, how often to check it is back (to log the recovery once). */
        @WithDefault("5s")
        String recheckEvery();
    }

    Webhooks webhooks();

    /** Pruning of what grows without bound, in small batches (README "## Operations"). */
    interface Retention {
        /** How often pruning runs (scheduler syntax). */
        @WithDefault("10m")
        String every();

        /** Settled idempotency keys (completed, failed) are kept this long: at least as long as a client may retry. */
        @WithDefault("24h")
        Duration idempotencyKeys();

        /** Processed (or given-up) webhook events are kept this long (de-duplication of late redeliveries). */
        @WithDefault("30d")
        Duration webhookEvents();

        /** Snapshots of objects nobody read (from the provider) for this long. */
        @WithDefault("30d")
        Duration snapshots();

        /** Audit entries: kept forever unless set. */
        Optional<Duration> auditEntries();

        /** Rows deleted per statement; a run stops after 100 batches per table. */
        @WithDefault("500")
        int batchSize();
    }

    interface Reads {
        /**
         * Every read (single, list, fan-out, nested fields) answers within this, counted from the request's first
         * provider read; providers still out then are reported (or served stale) beside the rest of the data.
         */
        @WithDefault("4s")
        Duration deadline();
    }

    Metrics metrics();

    interface Metrics {
        /** How often the webhook backlog and unsettled-mutation gauges are read from the database (scheduler syntax). */
        @WithDefault("15s")
        String backlogEvery();
    }

    interface Reconcile {
        /** How often mutations with an unknown outcome are settled by reading the provider (scheduler syntax, e.g. 30s). */
        @WithDefault("30s")
        String every();
    }

    interface Webhooks {
        /** How often stored webhooks that could not be processed yet are retried. */
        @WithDefault("30s")
        String retryEvery();
    }

    interface Cache {
        /** A snapshot younger than this is served without asking the provider. 0s: always ask. */
        @WithDefault("5s")
        Duration freshFor();

        /**
         * A provider's answer equal to the stored snapshot is written again (to renew its fetchedAt) only when the
         * stored one is older than this (or than fresh-for, when that is shorter); otherwise the read writes nothing.
         */
        @WithDefault("60s")
        Duration touchUnchangedAfter();

        /** Provider reads in flight at once per provider for one batch (nested fields). */
        @WithDefault("8")
        int fetchConcurrency();
    }

    interface Limits {
        /** Page size when {@code first} is not given. */
        @WithDefault("20")
        int defaultPageSize();

        /** Largest {@code first} accepted. */
        @WithDefault("100")
        int maxPageSize();
    }

    /** Where webhook URLs for a provider point by default. */
    default String webhookUrl(dev.billinggateway.domain.Provider provider) {
        return ProviderHttp.withoutTrailingSlashes(publicUrl()) + "/webhooks/" + provider.slug();
    }
}
