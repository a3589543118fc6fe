package org.paddock.platform.events;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Every five seconds: hand new events to the webhooks and send what is due. */
@Singleton
public class DispatchTicker {

    private static final Logger LOG = Logger.getLogger(DispatchTicker.class.getName());

    @Inject
    Dispatcher dispatcher;

    // no container transaction around the tick: the work opens short ones of its own
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void tick() {
        try {
            dispatcher.fanOut();
            while (dispatcher.deliverDue() == Dispatcher.BATCH) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "webhook delivery failed; the next tick tries again", e);
        }
    }
}
