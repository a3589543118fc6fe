package org.paddock.push;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Once a minute, push what is due. The tick only triggers; {@link Pusher} does the work. */
@Singleton
// no container transaction around the tick (the work opens short ones of its own), so a tick that fails, e.g. while
// the database is away, is never a failed timer delivery: Payara cancels a schedule after two of those in a row
@TransactionManagement(TransactionManagementType.BEAN)
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
