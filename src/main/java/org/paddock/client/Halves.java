package org.paddock.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A long list's work done in two halves at once, the second on a thread of its own: a check is one short run, and a
 * host's 100 000 advisory packages are done sooner on two cores than on one. Short lists, and one-core machines, stay
 * on the calling thread. The result keeps the list's order.
 */
final class Halves {

    /** Below this many items a second thread costs more than it gives. */
    static final int AT_LEAST = 20_000;

    private static final Executor SECOND = task -> {
        Thread t = new Thread(task, "paddock-client second half");
        t.setDaemon(true);
        t.start();
    };

    private Halves() {
    }

    /** {@code work} applied to the first and second half of {@code items}, the answers one after the other. */
    static <T, R> List<R> map(List<T> items, Function<List<T>, List<R>> work) {
        return map(items, items.size(), work);
    }

    /**
     * As {@link #map(List, Function)}, for items that each stand for more work: {@code weight} is how much in all
     * (e.g. the lines in a list of groups of lines), held to {@link #AT_LEAST}.
     */
    static <T, R> List<R> map(List<T> items, int weight, Function<List<T>, List<R>> work) {
        if (weight < AT_LEAST || items.size() < 2 || Runtime.getRuntime().availableProcessors() < 2) {
            return work.apply(items);
        }
        int half = items.size() / 2;
        CompletableFuture<List<R>> second = CompletableFuture.supplyAsync(
                () -> work.apply(items.subList(half, items.size())), SECOND);
        List<R> first = work.apply(items.subList(0, half));
        List<R> rest = join(second);
        List<R> out = new ArrayList<>(first.size() + rest.size());
        out.addAll(first);
        out.addAll(rest);
        return out;
    }

    /** Work started on a thread of its own, for the caller to {@link #get} when it needs the answer. */
    static final class Started<T> {
        private final CompletableFuture<T> future;

        private Started(CompletableFuture<T> future) {
            this.future = future;
        }

        /** The answer; what the work threw is thrown here, an IOException as itself. */
        T get() throws IOException {
            try {
                return join(future);
            } catch (CompletionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw e;
            }
        }
    }

    /** Starts {@code work} beside the caller's (on one core, it runs at once, on the caller's thread). */
    static <T> Started<T> start(Callable<T> work) {
        Supplier<T> call = () -> {
            try {
                return work.call();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        };
        if (Runtime.getRuntime().availableProcessors() < 2) {
            CompletableFuture<T> done = new CompletableFuture<>();
            try {
                done.complete(call.get());
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
            return new Started<>(done);
        }
        return new Started<>(CompletableFuture.supplyAsync(call, SECOND));
    }

    private static <V> V join(CompletableFuture<V> second) {
        try {
            return second.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw e;
        }
    }
}
