package dev.billinggateway.provider.revenuemonster.sandbox;

/**
 * Revenue Monster's scheduler, for tests: the sandbox charges only when asked, so a test makes the scheduled
 * charge itself through the sandbox's package-private seams.
 */
public final class SandboxScheduler {

    private SandboxScheduler() {
    }

    /**
     * Makes one scheduled charge now, as RM's scheduler would, and sends the signed RECURRING_PAYMENT notify
     * to the customer's notifyUrl. Returns the order ID, or null when the customer is unknown.
     */
    public static String simulateScheduledCharge(RevenueMonsterSandbox sandbox, String customerId) {
        SandboxCustomer customer = sandbox.customer(customerId);
        if (customer == null) {
            return null;
        }
        SandboxCustomer.Order order = sandbox.addOrder(customer, customer.amount, customer.active ? "SUCCESS" : "FAILED");
        if ("SUCCESS".equals(order.status())) {
            sandbox.sendNotify(customer, order);
        }
        return order.id();
    }
}
