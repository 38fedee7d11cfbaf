package dev.billinggateway.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class ProviderTimestampsTest {
    private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");

    @Test
    void anOffsetInTheTextWins() {
        assertThat(ProviderTimestamps.parse("2023-12-12T16:27:01+01:00", SINGAPORE)).hasToString("2023-12-12T16:27:01+01:00");
        assertThat(ProviderTimestamps.parse("2023-12-12T16:27:01Z", SINGAPORE)).hasToString("2023-12-12T16:27:01Z");
        assertThat(ProviderTimestamps.parse("2023-12-12T16:27:01.250+08:00", SINGAPORE)).hasToString("2023-12-12T16:27:01.250+08:00");
    }

    @Test
    void withoutAnOffsetTheProvidersZoneApplies() {
        assertThat(ProviderTimestamps.parse("2022-09-13T16:33:47", SINGAPORE)).hasToString("2022-09-13T16:33:47+08:00");
        assertThat(ProviderTimestamps.parse(" 2022-09-13 16:33:47 ", SINGAPORE)).hasToString("2022-09-13T16:33:47+08:00");
        assertThat(ProviderTimestamps.parse("2023-07-12 10:00:00", ZoneId.of("Europe/Zagreb"))).hasToString("2023-07-12T10:00+02:00");
    }

    @Test
    void blankOrUnreadableIsNull() {
        assertThat(ProviderTimestamps.parse(null, SINGAPORE)).isNull();
        assertThat(ProviderTimestamps.parse("  ", SINGAPORE)).isNull();
        assertThat(ProviderTimestamps.parse("yesterday", SINGAPORE)).isNull();
        assertThat(ProviderTimestamps.parse("2023-02-30T10:00:00", SINGAPORE)).isNull();
        assertThat(ProviderTimestamps.parse("2023-02-12", SINGAPORE)).isNull();
    }
}
