package org.paddock.platform;

import jakarta.resource.spi.ResourceAllocationException;
import org.hibernate.exception.JDBCConnectionException;

import java.sql.SQLException;

/**
 * The one answer to "did this fail because the database cannot be reached?". Every way Paddock answers a request
 * (REST, pages, feeds, sign-in) asks it, and answers 503 with {@code Retry-After} instead of 500 when it says yes:
 * the request may simply be sent again once PostgreSQL is back.
 */
public final class DatabaseUnavailable {

    /** What a client is told to wait before trying again, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 10;

    public static final String MESSAGE = "Paddock cannot reach its database; try again in a few seconds";

    private DatabaseUnavailable() {
    }

    /**
     * True when {@code thrown} or anything in its cause chain says the database could not be reached: a connection
     * refused, broken or never made (SQLState class 08), the server shutting down or starting up (57P01–57P03),
     * Hibernate's connection failure, or the connection pool unable to give out a connection.
     */
    public static boolean isCause(Throwable thrown) {
        return Causes.any(thrown, t -> t instanceof SQLException sql && unreachable(sql.getSQLState())
                || t instanceof JDBCConnectionException
                || t instanceof ResourceAllocationException);
    }

    private static boolean unreachable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.matches("57P0[123]"));
    }
}
