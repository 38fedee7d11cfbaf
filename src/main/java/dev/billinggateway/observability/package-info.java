/**
 * What operators see: traces (OpenTelemetry), metrics (Micrometer, Prometheus at {@code /q/metrics}), health
 * per provider, and the operator log lines. The rest of the code calls in here with one line per event; the
 * meters, span attributes and log formats live here only.
 */
package dev.billinggateway.observability;
