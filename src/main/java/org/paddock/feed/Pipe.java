package org.paddock.feed;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A producer on another thread, a consumer on this one, at most {@code ahead} items apart: the database keeps
 * producing rows while the response is written, and memory holds a bounded number of items whatever their count.
 * When the consumer stops (a client that went away), the producer stops too; either side's failure ends the run
 * and is what {@link #run} throws. The producer has finished (its connection is closed) when {@code run} returns.
 */
final class Pipe {

    /** Writes items to {@code out}, in order. */
    interface Producer<T> {
        void run(Sink<T> out) throws Exception;
    }

    interface Sink<T> {
        void accept(T item) throws IOException;
    }

    private static final Object END = new Object();

    private Pipe() {
    }

    static <T> void run(ExecutorService executor, int ahead, Producer<T> producer, Sink<T> consumer)
            throws SQLException, IOException {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(ahead);
        AtomicBoolean stopped = new AtomicBoolean();
        Future<?> running = executor.submit(() -> {
            Object last = END;
            try {
                producer.run(item -> hand(queue, item, stopped));
            } catch (Throwable t) {
                last = t;
            }
            try {
                hand(queue, last, stopped);
            } catch (IOException stoppedMeanwhile) {
                // the consumer went away: nobody to tell
            }
        });
        try {
            while (true) {
                Object next = queue.take();
                if (next == END) {
                    break;
                }
                if (next instanceof SQLException e) {
                    throw e;
                }
                if (next instanceof IOException e) {
                    throw e;
                }
                if (next instanceof RuntimeException e) {
                    throw e;
                }
                if (next instanceof Throwable t) {
                    throw new IllegalStateException("producing failed", t);
                }
                @SuppressWarnings("unchecked")
                T item = (T) next;
                consumer.accept(item);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the producer");
        } finally {
            stopped.set(true);
            queue.clear();
            try {
                running.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException ignored) {
                // its failure was handed over already, or is no longer of interest
            }
        }
    }

    /** Puts {@code item} in the queue, giving up once the consumer has stopped. */
    private static void hand(BlockingQueue<Object> queue, Object item, AtomicBoolean stopped) throws IOException {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (stopped.get()) {
                    throw new IOException("the consumer stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }
}
