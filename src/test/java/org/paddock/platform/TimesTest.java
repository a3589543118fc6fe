package org.paddock.platform;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-12-07T14:00:00Z             | 2026-12-07T14:00:00Z",
            "2026-12-07T14:00:00.123456Z      | 2026-12-07T14:00:00.123456Z",
            "2026-12-07T15:00:00+01:00        | 2026-12-07T14:00:00Z",
            "2026-12-07T09:00:00-05:00        | 2026-12-07T14:00:00Z",
            "2026-12-07T14:00:00              | 2026-12-07T14:00:00Z",
            "2026-12-07T14:00                 | 2026-12-07T14:00:00Z",
            "2026-12-07 14:00                 | 2026-12-07T14:00:00Z",
            "2026-12-07 14:00:00z             | 2026-12-07T14:00:00Z",
            "2026-12-07                       | 2026-12-07T00:00:00Z",
            "' 2026-12-07T14:00:00Z '         | 2026-12-07T14:00:00Z",
            "1796652000                       | 2026-12-07T14:00:00Z",
            "1796652000.5                     | 2026-12-07T14:00:00.5Z",
            "0001-01-01T00:00:00Z             | 0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z             | 9999-12-31T23:59:59Z",
    })
    void readsTheFormsPeopleAndToolsSend(String text, String expected) {
        assertThat(Times.parse("when", text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "0000-12-31T23:59:59Z",
            "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z"})
    void refusesWhatPostgresqlOrAFeedCannotKeep(String text) {
        assertThatThrownBy(() -> Times.parse("since", text)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.errors().get(0).field()).isEqualTo("since");
            assertThat(e.errors().get(0).reason()).contains("years 1 to 9999");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tomorrow", "2026-13-01", "2026-12-07T25:00:00Z", "2026-12-07T14:00:00+25:00", "12",
            "2026-12-07Z", "2026/12/07"})
    void refusesWhatIsNotATime(String text) {
        assertThatThrownBy(() -> Times.parse("at", text)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().get(0).reason()).contains("is not a time like"));
    }
}
