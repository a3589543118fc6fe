package org.paddock.push;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Once a minute, push what is due. The tick only triggers; {@link Pusher} does the work. */
@Singleton
public class PushTicker {

    private static final Logger LOG = Logger.getLogger(PushTicker.class.getName());

    @Inject
    Pusher pusher;

    @Inject
    Clock clock;

    /** Off in the in-container tests, which push when they say so. */
    @Inject
    @ConfigProperty(name = "paddock.push.scheduler", defaultValue = "true")
    boolean enabled;

    // no container transaction around the tick: the work opens short ones of its own
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    @Schedule(hour = "*", minute = "*", second = "0", persistent = false)
    void tick() {
        if (!enabled) {
            return;
        }
        try {
            Pusher.Run run = pusher.run(clock.instant(), "scheduler");
            if (run.moved() > 0) {
                LOG.info(() -> "push: " + run.moved() + " update(s) moved");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "push tick failed; the next minute tries again", e);
        }
    }
}
