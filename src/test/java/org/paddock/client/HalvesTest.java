package org.paddock.client;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Work split over two threads answers what it answers on one: the same items, in the same order. */
class HalvesTest {

    @Test
    void mapKeepsTheListsOrderOnBothSidesOfTheThreshold() {
        for (int size : new int[] {0, 1, Halves.AT_LEAST - 1, Halves.AT_LEAST, Halves.AT_LEAST * 3 + 1}) {
            List<Integer> items = IntStream.range(0, size).boxed().toList();
            List<String> mapped = Halves.map(items, some -> some.stream().map(i -> "#" + i).toList());
            assertThat(mapped).isEqualTo(items.stream().map(i -> "#" + i).toList());
        }
    }

    @Test
    void aFailureOnTheSecondThreadReachesTheCaller() {
        List<Integer> items = IntStream.range(0, Halves.AT_LEAST * 2).boxed().toList();
        assertThatThrownBy(() -> Halves.map(items, some -> {
            if (some.get(0) > 0) {
                throw new ClientException("the second half failed");
            }
            return some;
        })).isInstanceOf(ClientException.class).hasMessage("the second half failed");
    }

    @Test
    void startedWorkAnswersOrThrowsWhatItThrew() throws Exception {
        assertThat(Halves.start(() -> List.of("found")).get()).containsExactly("found");
        Halves.Started<Object> unreadable = Halves.start(() -> {
            throw new java.io.IOException("cannot read /image/usr");
        });
        assertThatThrownBy(unreadable::get).isInstanceOf(java.io.IOException.class).hasMessage("cannot read /image/usr");
        Halves.Started<Object> refused = Halves.start(() -> {
            throw new ClientException("no such directory");
        });
        assertThatThrownBy(refused::get).isInstanceOf(ClientException.class).hasMessage("no such directory");
    }
}
