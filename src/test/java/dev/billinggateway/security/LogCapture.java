package dev.billinggateway.security;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/** Captures every log record of the JVM (a handler on the root JBoss/JUL logger), formatted with its stack trace. */
public final class LogCapture extends Handler {

    private static final LogCapture INSTANCE = new LogCapture();
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LogCapture() {
        setLevel(Level.ALL);
    }

    /** Attaches the handler to the root logger (again, if the logging set-up at start replaced the handlers). */
    public static synchronized LogCapture install() {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            if (h == INSTANCE) {
                return INSTANCE;
            }
        }
        root.addHandler(INSTANCE);
        return INSTANCE;
    }

    public static LogCapture get() {
        return install();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public String all() {
        return String.join("\n", lines);
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder line = new StringBuilder().append(record.getLevel()).append(' ').append(record.getLoggerName()).append(": ");
        String message;
        try {
            message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        } catch (RuntimeException e) {
            message = record.getMessage();
        }
        line.append(message);
        if (record.getParameters() != null) {
            for (Object p : record.getParameters()) {
                line.append(" | ").append(p);
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        lines.add(line.toString());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
