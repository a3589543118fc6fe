package org.paddock.feed;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The feed's reading thread ahead of its writing one: order, bounds, and how either side's end ends both. */
class PipeTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void everyItemArrivesInOrder() throws Exception {
        List<Integer> got = new ArrayList<>();
        Pipe.<Integer>run(executor, 16, out -> {
            for (int i = 0; i < 20_000; i++) {
                out.accept(i);
            }
        }, got::add);
        assertThat(got).containsExactlyElementsOf(IntStream.range(0, 20_000).boxed().toList());
    }

    @Test
    void theProducerIsNeverMoreThanTheBoundAhead() throws Exception {
        AtomicInteger produced = new AtomicInteger();
        AtomicInteger consumed = new AtomicInteger();
        AtomicInteger furthest = new AtomicInteger();
        Pipe.<Integer>run(executor, 8, out -> {
            for (int i = 0; i < 2_000; i++) {
                out.accept(i);
                produced.incrementAndGet();
            }
        }, item -> {
            furthest.accumulateAndGet(produced.get() - consumed.get(), Math::max);
            consumed.incrementAndGet();
            if (item % 100 == 0) {
                Thread.onSpinWait();
            }
        });
        assertThat(consumed.get()).isEqualTo(2_000);
        // the queue's 8, the one being handed over, the one the consumer holds
        assertThat(furthest.get()).isLessThanOrEqualTo(10);
    }

    @Test
    void aDatabaseFailureReachesTheConsumerAfterWhatCameBefore() {
        List<Integer> got = new ArrayList<>();
        SQLException failure = new SQLException("connection lost");
        assertThatThrownBy(() -> Pipe.<Integer>run(executor, 4, out -> {
            for (int i = 0; i < 5; i++) {
                out.accept(i);
            }
            throw failure;
        }, got::add)).isSameAs(failure);
        assertThat(got).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void aConsumerThatStopsStopsTheProducerBeforeRunReturns() {
        AtomicBoolean producerDone = new AtomicBoolean();
        AtomicInteger produced = new AtomicInteger();
        IOException gone = new IOException("client went away");
        long start = System.nanoTime();
        assertThatThrownBy(() -> Pipe.<Integer>run(executor, 4, out -> {
            try {
                while (true) { // an endless feed: only the consumer's end can stop it
                    out.accept(produced.incrementAndGet());
                }
            } finally {
                producerDone.set(true);
            }
        }, item -> {
            if (item == 3) {
                throw gone;
            }
        })).isSameAs(gone);
        assertThat(producerDone).as("the producer (and its connection) finished first").isTrue();
        assertThat(System.nanoTime() - start).as("promptly").isLessThan(5_000_000_000L);
        assertThat(produced.get()).isLessThan(100);
    }

    @Test
    void runtimeFailuresPassAsTheyAreAndOthersAreWrapped() {
        IllegalStateException bug = new IllegalStateException("bug");
        assertThatThrownBy(() -> Pipe.<Integer>run(executor, 4, out -> {
            throw bug;
        }, item -> { })).isSameAs(bug);
        assertThatThrownBy(() -> Pipe.<Integer>run(executor, 4, out -> {
            throw new Exception("checked");
        }, item -> { })).isInstanceOf(IllegalStateException.class).hasRootCauseMessage("checked");
        assertThatThrownBy(() -> Pipe.<Integer>run(executor, 4, out -> {
            throw new IOException("disk");
        }, item -> { })).isInstanceOf(IOException.class).hasMessage("disk");
    }
}
