package org.paddock.policy;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Time changes decisions too: a result still missing after the configured timeout turns a waiting update failed.
 * Once a minute the waiting updates are decided again, in batches; as always, only a real change is stored and told.
 * The same tick carries on a policy change's recompute that its instance left unfinished.
 */
@Singleton
// no container transaction around the tick (the work opens short ones of its own), so a tick that fails, e.g. while
// the database is away, is never a failed timer delivery: Payara cancels a schedule after two of those in a row
@TransactionManagement(TransactionManagementType.BEAN)
public class DecisionClock {

    private static final Logger LOG = Logger.getLogger(DecisionClock.class.getName());

    @Inject
    DecisionRecomputes recomputes;

    @Schedule(hour = "*", minute = "*", second = "30", persistent = false)
    void tick() {
        try {
            recomputes.continueUnfinished();
            int changed = recomputes.recheckWaiting("time passed");
            if (changed > 0) {
                LOG.info(() -> "gating: " + changed + " decision(s) changed as time passed");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "gating: re-deciding waiting updates failed; the next minute tries again", e);
        }
    }
}
