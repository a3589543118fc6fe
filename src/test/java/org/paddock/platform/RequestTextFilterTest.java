package org.paddock.platform;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestTextFilterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nginx%3A1.24          | nginx:1.24",
            "a+b                   | a b",
            "%C3%BC%F0%9F%92%A1    | ü💡",
            "plain_text-1.0        | plain_text-1.0",
            "100%25                | 100%",
    })
    void decodesWhatIsUtf8(String raw, String text) {
        assertThat(RequestTextFilter.decode(raw, true)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%C3%28", "%C0%AF", "%FF", "%ED%A0%80", "%zz", "%4", "abc%"})
    void refusesWhatIsNotInsteadOfReplacingIt(String raw) {
        assertThatThrownBy(() -> RequestTextFilter.decode(raw, true)).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%00b", "%00"})
    void aNulDecodesAndIsThenUnstorable(String raw) {
        assertThat(Text.unstorable(RequestTextFilter.decode(raw, true))).contains("NUL");
    }
}
