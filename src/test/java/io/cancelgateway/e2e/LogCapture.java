package io.cancelgateway.e2e;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/** Collects every log record the service writes while open, as "LEVEL message" lines with any stack trace. */
final class LogCapture extends Handler implements AutoCloseable {

    private final String loggers;
    private final Consumer<String> sink;

    private LogCapture(String loggers, Consumer<String> sink) {
        this.loggers = loggers;
        this.sink = sink;
        setLevel(Level.ALL);
    }

    static LogCapture start(Consumer<String> sink) {
        return start("", sink);
    }

    /** Only the records of the loggers whose names start so, such as the service's own ({@code io.cancelgateway}). */
    static LogCapture start(String loggers, Consumer<String> sink) {
        LogCapture capture = new LogCapture(loggers, sink);
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!loggers.isEmpty() && (record.getLoggerName() == null || !record.getLoggerName().startsWith(loggers))) {
            return;
        }
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        StringBuilder line = new StringBuilder(record.getLevel().getName()).append(' ').append(message);
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        sink.accept(line.toString());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
