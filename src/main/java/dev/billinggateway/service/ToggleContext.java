package dev.billinggateway.service;

/**
 * What a toggle writes down before it calls the provider: the customer and its flag before the flip.
 * Kept as {@code customerId:true|false} in the idempotency record.
 */
final class ToggleContext {
    private ToggleContext() {
    }

    static String write(String customerId, boolean before) {
        return customerId + ":" + before;
    }

    static String customerId(String context) {
        return context == null || context.indexOf(':') < 0 ? null : context.substring(0, context.lastIndexOf(':'));
    }

    static Boolean before(String context) {
        return context == null || context.indexOf(':') < 0 ? null : Boolean.valueOf(context.substring(context.lastIndexOf(':') + 1));
    }
}
