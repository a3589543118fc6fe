package org.paddock.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * Domain code takes its time from an injected {@link Clock}, so tests can fix it, and the demo history can replay
 * past steps ({@link ReplayClock#at}).
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return new ReplayClock(Clock.systemUTC());
    }
}
