package dev.billinggateway.connector;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;

/**
 * Timestamps as providers write them: ISO-8601 date and time, {@code T} or a space between them, with or without an
 * offset (without one, the provider's own zone applies). Parsed in one pass: trying the offset form first and catching
 * its failure built an exception, with the whole reactive stack, twice per object read.
 */
public final class ProviderTimestamps {
    private static final DateTimeFormatter OPTIONAL_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private ProviderTimestamps() {
    }

    /** The instant {@code text} names, in {@code zoneWithoutOffset} when it carries no offset; null when blank or unreadable. */
    public static OffsetDateTime parse(String text, ZoneId zoneWithoutOffset) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            TemporalAccessor parsed = OPTIONAL_OFFSET.parseBest(text.trim().replace(' ', 'T'),
                    OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime withOffset ? withOffset
                    : ((LocalDateTime) parsed).atZone(zoneWithoutOffset).toOffsetDateTime();
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
