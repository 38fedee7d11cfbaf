package dev.billinggateway.connector;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
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
            // no parseBest: it tries OffsetDateTime::from first and catches that query's exception
            TemporalAccessor parsed = OPTIONAL_OFFSET.parse(text.trim().replace(' ', 'T'));
            LocalDateTime local = LocalDateTime.from(parsed);
            return parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
                    : local.atZone(zoneWithoutOffset).toOffsetDateTime();
        } catch (DateTimeException unreadable) { // DateTimeParseException, or fields that do not make a date-time
            return null;
        }
    }
}
