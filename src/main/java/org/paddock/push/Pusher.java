package org.paddock.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.paddock.update.ModuleUpdate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A push run: every module stream with active updates is pushed in transactions of its own ({@link StreamPush}),
 * each moving at most {@code paddock.push.batch} updates, until nothing more is due — so a stream with thousands of
 * due updates moves them all in one run, each transaction bounded. Several instances may run at once on one
 * database: a stream one of them holds is skipped by the others, and an update that already moved has nowhere left
 * to go, so each moves once.
 */
@ApplicationScoped
public class Pusher {

    private static final Logger LOG = Logger.getLogger(Pusher.class.getName());

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    StreamPush streamPush;

    @Inject
    PushLog log;

    @Inject
    TestSeam seam;

    @Inject
    @ConfigProperty(name = "paddock.push.abandon-after", defaultValue = "PT10M")
    Duration abandonAfter;

    /** The most moves one transaction makes; a stream with more due is pushed again in the same run. */
    @Inject
    @ConfigProperty(name = "paddock.push.batch", defaultValue = "500")
    int batch;

    /** {@code streams} looked at, {@code pushes} made (transactions that moved something), updates {@code moved}. */
    public record Run(int streams, int pushes, int moved, List<String> errors) {
    }

    /** Pushes everything due at {@code now}. */
    public Run run(Instant now, String by) {
        return run(now, by, seam.configuredFault());
    }

    public Run run(Instant now, String by, TestSeam.Fault fault) {
        log.abandonStale(abandonAfter, now);
        @SuppressWarnings("unchecked")
        List<Number> streams = em.createNativeQuery("select distinct u.cadence_stream_id from module_update u where "
                + ModuleUpdate.ACTIVE_SQL + " order by 1").getResultList();
        int moved = 0;
        int pushes = 0;
        List<String> errors = new ArrayList<>();
        for (Number stream : streams) {
            Set<Long> movedHere = new HashSet<>();
            try {
                StreamPush.Batch b;
                do {
                    b = streamPush.push(stream.longValue(), now, by, fault, batch, movedHere);
                    movedHere.addAll(b.movedIds());
                    moved += b.moved();
                    pushes += b.moved() > 0 ? 1 : 0;
                } while (b.more());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "push of module stream " + stream + " failed; nothing of that push moved", e);
                errors.add("module stream " + stream + ": " + e.getMessage());
            }
        }
        return new Run(streams.size(), pushes, moved, errors);
    }
}
