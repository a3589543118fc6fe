package org.paddock.release;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReleaseStateTest {

    @ParameterizedTest
    @EnumSource(ReleaseState.class)
    void everyStateRoundTripsThroughItsWord(ReleaseState state) {
        ReleaseState.JpaConverter converter = new ReleaseState.JpaConverter();
        assertThat(converter.convertToEntityAttribute(converter.convertToDatabaseColumn(state))).isEqualTo(state);
    }

    @Test
    void wordsAreTheLowerCaseNamesTheSchemaAllows() {
        assertThat(ReleaseState.values()).extracting(ReleaseState::word)
                .containsExactly("pending", "current", "frozen", "archived");
    }

    @Test
    void unknownWordIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> ReleaseState.fromWord("retired"))
                .hasMessage("unknown release state 'retired', expected one of pending, current, frozen, archived");
    }
}
