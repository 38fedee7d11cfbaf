package dev.billinggateway.provider.hitpay;

import java.time.Clock;
import java.time.ZoneOffset;

import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The clock of {@link HitPayWireMockProfile} (selected there): "today" is always {@link HitPayContractTest#NOW}, so
 * dates HitPay's rules compare with today stay valid whenever the tests run.
 */
@Alternative
@Singleton
public class HitPayFixedClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.fixed(HitPayContractTest.NOW, ZoneOffset.UTC);
    }
}
