package dev.billinggateway.observability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/** The provider-call log lines written while it is open, each with the {@code traceId} of its MDC. */
final class ProviderCallLines extends Handler implements AutoCloseable {

    record Line(String message, String traceId) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private ProviderCallLines() {
    }

    static ProviderCallLines capture() {
        ProviderCallLines capture = new ProviderCallLines();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        if (record instanceof ExtLogRecord ext && record.getLoggerName().startsWith("dev.billinggateway.provider-calls")) {
            lines.add(new Line(ext.getFormattedMessage(), String.valueOf(ext.getMdc("traceId"))));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
