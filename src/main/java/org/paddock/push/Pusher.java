package org.paddock.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A push run: every module stream with updates that could move is pushed in a transaction of its own
 * ({@link StreamPush}). Several instances may run at once on one database: a stream one of them holds is
 * skipped by the others, and an update that already moved has nowhere left to go, so each moves once.
 */
@ApplicationScoped
public class Pusher {

    private static final Logger LOG = Logger.getLogger(Pusher.class.getName());

    /** Updates that may have somewhere to go, with the module stream whose cadence applies (their first build's). */
    static final String ACTIVE = """
            select u.id, (select b.module_stream_id from update_build ub join module_build b on b.id = ub.module_build_id
                          where ub.update_id = u.id order by b.id limit 1) as stream_id
            from module_update u
            where u.status = 'testing' or (u.status in ('pending', 'unpushed') and u.request = 'testing')""";

    static final String ACTIVE_OF_STREAM = "select id from (" + ACTIVE + ") a where a.stream_id = ? order by a.id";

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    StreamPush streamPush;

    @Inject
    PushLog log;

    @Inject
    @ConfigProperty(name = "paddock.push.abandon-after", defaultValue = "PT10M")
    Duration abandonAfter;

    /** The crash tests' fault for every push of this instance (see {@link StreamPush.Fault}); none in production. */
    @Inject
    @ConfigProperty(name = "paddock.push.test.fail-after", defaultValue = "0")
    int failAfter;

    @Inject
    @ConfigProperty(name = "paddock.push.test.fail-how", defaultValue = "throw")
    String failHow;

    public record Run(int streams, int moved, List<String> errors) {
    }

    /** Pushes everything due at {@code now}. */
    public Run run(Instant now, String by) {
        return run(now, by, new StreamPush.Fault(failAfter, failHow));
    }

    public Run run(Instant now, String by, StreamPush.Fault fault) {
        log.abandonStale(abandonAfter, now);
        @SuppressWarnings("unchecked")
        List<Number> streams = em.createNativeQuery("select distinct stream_id from (" + ACTIVE + ") a order by stream_id")
                .getResultList();
        int moved = 0;
        List<String> errors = new java.util.ArrayList<>();
        for (Number stream : streams) {
            try {
                moved += streamPush.push(stream.longValue(), now, by, fault);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "push of module stream " + stream + " failed; nothing of it moved", e);
                errors.add("module stream " + stream + ": " + e.getMessage());
            }
        }
        return new Run(streams.size(), moved, errors);
    }
}
