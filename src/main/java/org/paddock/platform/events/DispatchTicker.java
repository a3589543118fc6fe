package org.paddock.platform.events;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Every five seconds: hand new events to the webhooks and send what is due. */
@Singleton
// no container transaction around the tick (the work opens short ones of its own), so a tick that fails, e.g. while
// the database is away, is never a failed timer delivery: Payara cancels a schedule after two of those in a row
@TransactionManagement(TransactionManagementType.BEAN)
public class DispatchTicker {

    private static final Logger LOG = Logger.getLogger(DispatchTicker.class.getName());

    @Inject
    Dispatcher dispatcher;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void tick() {
        try {
            while (dispatcher.fanOut() == Dispatcher.FAN_OUT_BATCH) {
                // a full batch: more events wait
            }
            while (dispatcher.deliverDue() == Dispatcher.BATCH) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "webhook delivery failed; the next tick tries again", e);
        }
    }
}
