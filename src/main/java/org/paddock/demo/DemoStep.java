package org.paddock.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.function.Supplier;

/**
 * One step of the demo's seeding in a transaction of its own, as one request or one tick of the pusher has: the
 * services join it and it commits when the step ends. The seeding runs inside one long start-up call, where an entity
 * manager used outside a transaction may already be closed; inside one, it never is.
 */
@ApplicationScoped
public class DemoStep {

    @Transactional
    public <T> T run(Supplier<T> work) {
        return work.get();
    }
}
