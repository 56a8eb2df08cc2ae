package io.bulwark.db;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Runs units of work in READ COMMITTED transactions and replays a whole transaction when the
 * engine reports a serialisation failure, a deadlock or (SQLite) a busy database. Every caller's
 * work must therefore be safe to run more than once.
 */
public final class Transactions {
    private static final int ATTEMPTS = 5;

    private final Jdbi jdbi;

    public Transactions(Database database) {
        this.jdbi = database.jdbi();
    }

    /** Runs {@code work} in one transaction, retried on transient conflicts. */
    public <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, work);
            } catch (JdbiException e) {
                if (attempt >= ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /** Runs {@code work} in one transaction with no result. */
    public void useTransaction(HandleConsumer work) {
        inTransaction(handle -> {
            work.accept(handle);
            return null;
        });
    }

    /** Runs read-only {@code work} on a handle outside an explicit transaction. */
    public <T> T read(HandleCallback<T, RuntimeException> work) {
        return jdbi.withHandle(work);
    }

    /** A unit of work without a result. */
    @FunctionalInterface
    public interface HandleConsumer {
        void accept(Handle handle);
    }

    /** Whether {@code error} is worth replaying the whole transaction for. */
    public static boolean isTransient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ("40001".equals(state) || "40P01".equals(state)) {
                    return true;
                }
                // A foreign key broken by a concurrent commit (a site added for a user being
                // deleted): replayed, the transaction sees the other one's rows.
                if ("23503".equals(state)) {
                    return true;
                }
                String message = String.valueOf(sql.getMessage());
                if (message.contains("SQLITE_BUSY") || message.contains("SQLITE_LOCKED")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code error} means the database is unavailable for now (busy, a lock wait that
     * timed out, a lost or exhausted connection) rather than that the work itself is wrong.
     * Callers that can ask their client to come back later use it to decide between "later"
     * and a plain failure.
     */
    public static boolean isTemporary(Throwable error) {
        if (isTransient(error)) {
            return true;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null) {
                    // The pool's own failures (closed, no connection in time) carry no state.
                    String message = String.valueOf(sql.getMessage());
                    return message.contains("has been closed") || message.contains("Connection")
                            || message.contains("SQLITE_IOERR") || message.contains("SQLITE_FULL")
                            || message.contains("SQLITE_CANTOPEN");
                }
                return state.startsWith("08") || state.startsWith("53") || state.equals("55P03")
                        || state.startsWith("57P");
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        long millis = ThreadLocalRandom.current().nextLong(5, 20L * attempt * attempt);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a transaction", e);
        }
    }
}
