package dev.billinggateway.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The clock the connectors read "today" from, as a CDI bean: a test profile selects an alternative fixed clock
 * instead of the production classes carrying a setter for tests.
 */
@Singleton
public class SystemClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
