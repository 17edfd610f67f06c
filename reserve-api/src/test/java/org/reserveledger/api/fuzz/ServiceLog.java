package org.reserveledger.api.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The service's errors as it logs them, collected from Logback's root logger so that each failure
 * the fuzzer finds can be reported with the exception behind it.
 */
final class ServiceLog extends AppenderBase<ILoggingEvent> {

    private static final int FRAMES = 6;

    private final ConcurrentLinkedQueue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();

    static ServiceLog attach() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ServiceLog log = new ServiceLog();
        log.setContext(context);
        log.setName("openapi-fuzz");
        log.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(log);
        return log;
    }

    void detach() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
        stop();
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.ERROR)
                || (event.getLevel().isGreaterOrEqual(Level.WARN) && event.getThrowableProxy() != null)) {
            events.add(event);
        }
    }

    /** The errors logged since the last call. */
    List<Entry> drain() {
        List<Entry> drained = new ArrayList<>();
        for (ILoggingEvent event = events.poll(); event != null; event = events.poll()) {
            drained.add(entry(event));
        }
        return drained;
    }

    private static Entry entry(ILoggingEvent event) {
        StringBuilder text = new StringBuilder()
                .append(event.getLevel()).append(' ').append(event.getLoggerName()).append(": ")
                .append(FuzzCase.shorten(event.getFormattedMessage(), 300));
        IThrowableProxy throwable = event.getThrowableProxy();
        String signature = event.getLoggerName() + ": " + FuzzCase.shorten(event.getFormattedMessage(), 80);
        String firstOwnFrame = null;
        for (IThrowableProxy cause = throwable; cause != null; cause = cause.getCause()) {
            text.append("\n    ").append(cause == throwable ? "" : "Caused by: ").append(cause.getClassName())
                    .append(": ").append(FuzzCase.shorten(cause.getMessage(), 300));
            StackTraceElementProxy[] frames = cause.getStackTraceElementProxyArray();
            for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
                text.append("\n        at ").append(frames[i].getStackTraceElement());
            }
            for (StackTraceElementProxy frame : frames) {
                if (firstOwnFrame == null && frame.getStackTraceElement().getClassName().startsWith("org.reserveledger")) {
                    firstOwnFrame = frame.getStackTraceElement().toString();
                }
            }
            String top = frames.length == 0 ? "" : " at " + frames[0].getStackTraceElement();
            signature = cause.getClassName() + top;
        }
        if (firstOwnFrame != null) {
            signature += " via " + firstOwnFrame;
        }
        return new Entry(signature, text.toString(), event.getThreadName(), event.getLevel() == Level.ERROR);
    }

    /**
     * One logged error: {@code signature} names its root cause and where it arose, {@code text} shows it,
     * {@code thread} tells a request's own error from one of an event processor or a rebuild.
     */
    record Entry(String signature, String text, String thread, boolean error) {

        /** Tomcat's request threads are named {@code http-nio-…-exec-N}. */
        boolean duringARequest() {
            return thread.startsWith("http-");
        }
    }
}
