package io.bulwark.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps every ERROR line logged during the tests, so that a test server can fail when the
 * application logged one: a client's bad input must never reach ERROR.
 */
public final class ErrorRecorder extends AppenderBase<ILoggingEvent> {
    private static final List<String> ERRORS = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
            ERRORS.add(event.getLoggerName() + ": " + event.getFormattedMessage());
        }
    }

    /** How many ERROR lines were logged so far. */
    public static int count() {
        return ERRORS.size();
    }

    /** The ERROR lines logged since {@code mark}. */
    public static List<String> since(int mark) {
        return List.copyOf(ERRORS.subList(mark, ERRORS.size()));
    }
}
