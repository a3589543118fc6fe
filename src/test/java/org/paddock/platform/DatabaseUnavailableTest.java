package org.paddock.platform;

import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule for "the database cannot be reached", on the exceptions Payara, Hibernate and the driver really throw. */
class DatabaseUnavailableTest {

    @ParameterizedTest(name = "SQLState {0}: {1}")
    @CsvSource({
            "08001, true",   // could not connect (refused)
            "08006, true",   // connection failure (broken while in use)
            "08003, true",   // connection does not exist
            "57P01, true",   // terminated by the administrator: PostgreSQL shutting down
            "57P03, true",   // cannot connect now: starting up
            "57014, false",  // query cancelled: a statement timeout is not the database being away
            "23505, false",  // unique violation
            "40001, false",  // serialization failure
    })
    void sqlStatesOfAnUnreachableDatabase(String state, boolean unreachable) {
        SQLException sql = new SQLException("x", state);
        assertThat(DatabaseUnavailable.isCause(sql)).isEqualTo(unreachable);
        assertThat(DatabaseUnavailable.isCause(new PersistenceException(new IOException("feed", sql)))).isEqualTo(unreachable);
    }

    @Test
    void thePoolAndHibernateSayingSoDeepInTheChain() {
        assertThat(DatabaseUnavailable.isCause(new PersistenceException(new SQLException("Error in allocating a connection",
                null, new ResourceAllocationException("Connection could not be allocated"))))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new JDBCConnectionException("gone", new SQLException("gone")))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new ConstraintViolationException("dup", new SQLException("dup", "23505"), "k")))
                .isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("no"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(null)).isFalse();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DatabaseUnavailable.isCause(a)).isFalse();
    }
}
