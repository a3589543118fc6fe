package org.paddock.push;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The Pushes page says why a push failed in words, never the exception's text. */
class PushViewTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            failed    | could not execute statement [ERROR: duplicate key value violates unique constraint "push_item_pkey"] | 3 | The push of 3 updates stopped: the database refused a change (it broke one of the database's rules); nothing of it moved, and the next push tries again.
            failed    | org.hibernate.exception.JDBCConnectionException: An I/O error occurred while sending to the backend  | 1 | The push of 1 update stopped: the connection to the database was lost or too slow; nothing of it moved, and the next push tries again.
            failed    | simulated crash after 2 move(s)                                                                       | 5 | The push of 5 updates stopped: a crash test stopped it on purpose; nothing of it moved, and the next push tries again.
            failed    | java.lang.NullPointerException                                                                        | 2 | The push of 2 updates stopped: something unexpected went wrong (the server log has the details); nothing of it moved, and the next push tries again.
            abandoned | the instance running it stopped; nothing it was moving moved                                          | 4 | The push of 4 updates stopped: the instance running it stopped; nothing it was moving moved.
            """)
    void aFailureIsASentence(String result, String technical, int planned, String words) {
        assertThat(view(result, technical, planned).failureInWords()).isEqualTo(words);
    }

    @ParameterizedTest
    @CsvSource({"completed", "running"})
    void onlyAFailureSaysAnything(String result) {
        assertThat(view(result, null, 3).failureInWords()).isNull();
    }

    private static PushLog.PushView view(String result, String message, int planned) {
        return new PushLog.PushView(1, "F45", "nginx:1.24", Instant.parse("2026-12-01T10:00:00Z"), null, result,
                planned, 0, null, message, "admin");
    }
}
