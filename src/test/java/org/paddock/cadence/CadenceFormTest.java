package org.paddock.cadence;

import org.junit.jupiter.api.Test;
import org.paddock.platform.FieldError;
import org.paddock.platform.InvalidInputException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The cadence form as people type it: each problem names the line it is on, blank lines included. */
class CadenceFormTest {

    private static List<FieldError> errors(List<String> windows) {
        return catchThrowableOfType(() -> new CadenceForm("windows", windows, Map.of(), "none").toCadence(),
                InvalidInputException.class).errors();
    }

    @Test
    void aBadWindowAfterBlankLinesNamesTheLineItIsOn() {
        assertThat(errors(Arrays.asList("0 14 * * TUE Europe/Prague 1h", "", "  ", "0 14 * * TUESDAY Europe/Prague 1h")))
                .extracting(FieldError::field).containsExactly("windows[3]");
        assertThat(errors(Arrays.asList(null, "nonsense"))).extracting(FieldError::field).containsExactly("windows[1]");
    }

    @Test
    void blankLinesAloneAreNoWindows() {
        assertThat(errors(List.of("", " "))).extracting(FieldError::field).containsExactly("windows");
    }

    @Test
    void blankLinesAroundGoodWindowsAreFine() {
        Cadence c = new CadenceForm("windows", List.of("", "0 14 * * TUE Europe/Prague 1h", ""), Map.of(), "none")
                .toCadence();
        assertThat(c.windows()).hasSize(1);
    }

    @Test
    void severitiesAreTheEnumsWords() {
        assertThat(new CadenceForm("immediate", List.of(), Map.of("critical", 0), "none").toCadence().fastTrackSeverity())
                .isNull();
        assertThat(new CadenceForm("immediate", List.of(), Map.of(), "Important").toCadence().fastTrackSeverity())
                .isEqualTo(org.paddock.update.Severity.IMPORTANT);
        assertThat(catchThrowableOfType(() -> new CadenceForm("weekly", List.of(), Map.of("urgent", 1, "low", 400),
                "urgent").toCadence(), InvalidInputException.class).errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("mode", "minDays.low", "minDays.urgent", "fastTrack");
        assertThat(CadenceForm.SEVERITIES).containsExactly("critical", "important", "moderate", "low", "none");
    }
}
