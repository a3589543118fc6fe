package org.paddock.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.paddock.platform.events.Outbox;
import org.paddock.update.Events;
import org.paddock.update.ModuleUpdate;
import org.paddock.update.UpdateChanged;
import org.paddock.update.UpdateStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One push of one module stream, in one transaction: claim the stream (skipping it if another instance holds it),
 * decide every active update's move with {@link Moves}, carry out the allowed ones, bump the release's snapshot
 * and record the push. Either all of it commits or none of it does.
 */
@ApplicationScoped
public class StreamPush {

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    Moves moves;

    @Inject
    PushLog log;

    @Inject
    Outbox outbox;

    @Inject
    Event<UpdateChanged> changed;

    /**
     * For the crash tests only: after {@code after} moves of a push (0 = never), {@code throw} (the transaction
     * rolls back), {@code halt} the JVM at once (as kill -9 would), or {@code pause} a minute so a test can kill
     * the process from outside while the push holds its moves uncommitted.
     */
    public record Fault(int after, String how) {
        public static final Fault NONE = new Fault(0, "throw");
    }

    /** Returns how many updates moved; 0 when the stream was claimed by someone else or nothing was due. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int push(long streamId, Instant now, String by, Fault fault) {
        // NO KEY UPDATE, not UPDATE: the push row (written in a transaction of its own) references the stream, and
        // its foreign-key check takes a KEY SHARE lock that FOR UPDATE would block until this transaction ends.
        @SuppressWarnings("unchecked")
        List<Object[]> claimed = em.createNativeQuery(
                        "select id, release_id from module_stream where id = ? for no key update skip locked")
                .setParameter(1, streamId).getResultList();
        if (claimed.isEmpty()) {
            return 0;
        }
        long releaseId = ((Number) claimed.get(0)[1]).longValue();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(Pusher.ACTIVE_OF_STREAM).setParameter(1, streamId).getResultList();
        List<Planned> planned = new ArrayList<>();
        for (Number id : ids) {
            // lock the row first, then load it: this transaction's persistence context is new, so what it loads is
            // what the database holds now (another instance may have moved it a moment ago)
            em.createNativeQuery("select id from module_update where id = ? for no key update")
                    .setParameter(1, id.longValue()).getSingleResult();
            ModuleUpdate u = em.find(ModuleUpdate.class, id.longValue());
            Moves.Move m = moves.next(u, now);
            if (m.now()) {
                planned.add(new Planned(u, m));
            }
        }
        if (planned.isEmpty()) {
            return 0;
        }
        long pushId = log.start(releaseId, streamId, planned.size(), by, now);
        try {
            int moved = 0;
            for (Planned p : planned) {
                ModuleUpdate u = p.update();
                String from = u.getStatus().word();
                String why = p.move().verdict().why();
                u.pushTo(p.move().to(), "pushed: " + why, now);
                log.item(pushId, u.getId(), from, p.move().to().word(), why);
                String type = switch (p.move().to()) {
                    case TESTING -> Outbox.UPDATE_TESTING;
                    case STABLE -> Outbox.UPDATE_STABLE;
                    case UNPUSHED -> Outbox.UPDATE_UNPUSHED;
                    default -> Outbox.UPDATE_REVOKED;
                };
                Map<String, Object> payload = new LinkedHashMap<>(Events.about(u));
                payload.put("from", from);
                payload.put("why", why);
                payload.put("push", pushId);
                outbox.emit(type, u.getAlias(), payload, now);
                em.flush();
                changed.fire(new UpdateChanged(u.getAlias(), "pushed to " + p.move().to().word()));
                moved++;
                if (fault.after() > 0 && moved >= fault.after()) {
                    em.flush();
                    switch (fault.how()) {
                        case "halt" -> Runtime.getRuntime().halt(137);
                        case "pause" -> pause();
                        default -> throw new IllegalStateException("simulated crash after " + moved + " move(s)");
                    }
                }
            }
            long snapshot = ((Number) em.createNativeQuery(
                            "update release set snapshot = snapshot + 1 where id = ? returning snapshot")
                    .setParameter(1, releaseId).getSingleResult()).longValue();
            log.complete(pushId, moved, snapshot, now);
            Map<String, Object> done = new LinkedHashMap<>();
            done.put("push", pushId);
            done.put("moved", moved);
            done.put("snapshot", snapshot);
            done.put("updates", planned.stream().map(p -> Map.of("update", p.update().getAlias(),
                    "to", p.move().to().word())).toList());
            outbox.emit(Outbox.PUSH_COMPLETED, "push-" + pushId, done, now);
            return moved;
        } catch (RuntimeException e) {
            log.fail(pushId, e.getMessage() == null ? e.toString() : e.getMessage(), now);
            throw e;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Planned(ModuleUpdate update, Moves.Move move) {
    }

    static boolean isTerminal(UpdateStatus s) {
        return s == UpdateStatus.STABLE || s == UpdateStatus.OBSOLETE || s == UpdateStatus.REVOKED;
    }
}
