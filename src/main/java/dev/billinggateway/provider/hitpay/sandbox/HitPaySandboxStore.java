package dev.billinggateway.provider.hitpay.sandbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The sandbox's in-memory HitPay account: recurring billings and plans, seeded with
 * {@link HitPaySandboxData}. Thread-safe; every method is short and never blocks, so it may run on the
 * event loop. Reads hand out copies.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" }) // not in the production build
public class HitPaySandboxStore {

    static final ZoneId SGT = ZoneId.of("Asia/Singapore");

    /** A subscription plan (template): its cycle and amount are copied onto billings created from it. */
    record Plan(String id, String name, String description, String cycle, Integer cycleRepeat, String cycleFrequency,
            String currency, BigDecimal amount) {
    }

    private final Map<String, SandboxBilling> billings = new LinkedHashMap<>();
    private final Map<String, Plan> plans = new LinkedHashMap<>();

    @PostConstruct
    void seed() {
        reset();
    }

    /** Back to the demo data. */
    public synchronized void reset() {
        billings.clear();
        plans.clear();
        plans.put(HitPaySandboxData.PLAN_MONTHLY, new Plan(HitPaySandboxData.PLAN_MONTHLY, "Spotify Premium",
                "Spotify Monthly Subscription", "monthly", null, null, "sgd", new BigDecimal("9.90")));
        seed(HitPaySandboxData.ALICE_ACTIVE_MONTHLY, b -> {
            b.planId = HitPaySandboxData.PLAN_MONTHLY;
            b.customerEmail = HitPaySandboxData.ALICE;
            b.customerName = "Alice Tan";
            b.name = "Spotify Premium";
            b.description = "Spotify Monthly Subscription";
            b.reference = "cust_id_123";
            b.cycle = "monthly";
            b.amount = new BigDecimal("12.90");
            b.timesToBeCharged = 9;
            b.timesCharged = 2;
            b.status = "active";
            b.redirectUrl = "https://merchant.example.com/completed";
            b.paymentMethods = new ArrayList<>(List.of("giro", "card"));
            b.startDate = LocalDate.of(2026, 1, 13);
            b.createdAt = LocalDateTime.of(2026, 1, 12, 21, 32);
            b.updatedAt = LocalDateTime.of(2026, 3, 13, 9, 0);
            b.cardBrand = "visa";
            b.cardLast4 = "4242";
        });
        seed(HitPaySandboxData.ALICE_CANCELED_SAVE_CARD, b -> {
            b.customerEmail = HitPaySandboxData.ALICE;
            b.customerName = "Alice Tan";
            b.name = "Pay-as-you-go";
            b.description = "Card saved for on-demand charges";
            b.reference = "cust_id_123";
            b.cycle = "save_card";
            b.currency = "usd";
            b.amount = new BigDecimal("94.27");
            b.timesToBeCharged = null;
            b.timesCharged = null;
            b.status = "canceled";
            b.sendEmail = true;
            b.saveCard = true;
            b.createdAt = LocalDateTime.of(2025, 12, 12, 16, 27, 1);
            b.updatedAt = LocalDateTime.of(2025, 12, 13, 9, 33, 2);
            b.cardBrand = "visa";
            b.cardLast4 = "4242";
        });
        seed(HitPaySandboxData.BOB_SCHEDULED_WEEKLY, b -> {
            b.customerEmail = HitPaySandboxData.BOB;
            b.customerName = "Bob Lim";
            b.name = "Weekly Veggie Box";
            b.description = "One box every week";
            b.reference = "bob-veggies";
            b.cycle = "weekly";
            b.amount = new BigDecimal("5.00");
            b.timesToBeCharged = 52;
            b.status = "scheduled";
            b.startDate = LocalDate.of(2026, 12, 1);
            b.createdAt = LocalDateTime.of(2026, 2, 1, 10, 0);
            b.updatedAt = LocalDateTime.of(2026, 2, 1, 10, 0);
        });
        seed(HitPaySandboxData.BOB_RETRYING_YEARLY, b -> {
            b.customerEmail = HitPaySandboxData.BOB;
            b.customerName = "Bob Lim";
            b.name = "Annual Membership";
            b.description = "Gym membership, yearly";
            b.reference = "bob-gym";
            b.cycle = "yearly";
            b.amount = new BigDecimal("120.00");
            b.timesToBeCharged = 3;
            b.timesCharged = 1;
            b.status = "retrying";
            b.startDate = LocalDate.of(2025, 2, 2);
            b.createdAt = LocalDateTime.of(2025, 2, 2, 8, 15);
            b.updatedAt = LocalDateTime.of(2026, 2, 2, 8, 15);
            b.cardBrand = "mastercard";
            b.cardLast4 = "5454";
        });
        seed(HitPaySandboxData.CAROL_INACTIVE_CUSTOM, b -> {
            b.customerEmail = HitPaySandboxData.CAROL;
            b.customerName = "Carol Ng";
            b.name = "Fortnightly Cleaning";
            b.reference = "carol-cleaning";
            b.cycle = "custom";
            b.cycleFrequency = "week";
            b.cycleRepeat = 2;
            b.amount = new BigDecimal("20.00");
            b.timesToBeCharged = null;
            b.timesCharged = 4;
            b.status = "inactive";
            b.startDate = LocalDate.of(2025, 11, 3);
            b.createdAt = LocalDateTime.of(2025, 11, 1, 12, 0);
            b.updatedAt = LocalDateTime.of(2026, 1, 5, 12, 0);
        });
        seed(HitPaySandboxData.CAROL_COMPLETED, b -> {
            b.customerEmail = HitPaySandboxData.CAROL;
            b.customerName = "Carol Ng";
            b.name = "Course Instalments";
            b.reference = "carol-course";
            b.cycle = "monthly";
            b.amount = new BigDecimal("30.00");
            b.timesToBeCharged = 3;
            b.timesCharged = 3;
            b.status = "completed";
            b.startDate = LocalDate.of(2025, 6, 1);
            b.createdAt = LocalDateTime.of(2025, 5, 30, 9, 0);
            b.updatedAt = LocalDateTime.of(2025, 8, 1, 9, 0);
        });
    }

    private void seed(String id, Consumer<SandboxBilling> fill) {
        SandboxBilling billing = new SandboxBilling();
        billing.id = id;
        fill.accept(billing);
        billings.put(id, billing);
    }

    public synchronized Optional<String> statusOf(String id) {
        return Optional.ofNullable(billings.get(id)).map(b -> b.status);
    }

    /** The start date the sandbox keeps for a billing (HitPay's answers do not show it). */
    public synchronized Optional<LocalDate> startDateOf(String id) {
        return Optional.ofNullable(billings.get(id)).map(b -> b.startDate);
    }

    synchronized Optional<SandboxBilling> find(String id) {
        return Optional.ofNullable(billings.get(id)).map(SandboxBilling::copy);
    }

    synchronized Optional<Plan> plan(String id) {
        return Optional.ofNullable(plans.get(id));
    }

    synchronized List<SandboxBilling> list(Predicate<SandboxBilling> filter) {
        return billings.values().stream().filter(filter)
                .sorted(Comparator.comparing((SandboxBilling b) -> b.createdAt).reversed().thenComparing(b -> b.id))
                .map(SandboxBilling::copy).toList();
    }

    synchronized SandboxBilling create(Consumer<SandboxBilling> fill) {
        SandboxBilling billing = new SandboxBilling();
        billing.id = UUID.randomUUID().toString();
        billing.createdAt = now();
        billing.updatedAt = billing.createdAt;
        fill.accept(billing);
        billings.put(billing.id, billing);
        return billing.copy();
    }

    /** Applies a change to a billing atomically; empty when there is no such billing. */
    synchronized Optional<SandboxBilling> change(String id, Consumer<SandboxBilling> change) {
        SandboxBilling billing = billings.get(id);
        if (billing == null) {
            return Optional.empty();
        }
        change.accept(billing);
        billing.updatedAt = now();
        return Optional.of(billing.copy());
    }

    static LocalDateTime now() {
        return LocalDateTime.now(SGT).withNano(0);
    }

    static LocalDate today() {
        return LocalDate.now(SGT);
    }
}
