package org.paddock.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * The transactional outbox: an event is written in the same transaction as the change it tells of, so it exists
 * exactly when the change committed. Delivery happens later, from the table.
 */
@ApplicationScoped
public class Outbox {

    public static final String UPDATE_CREATED = "update.created";
    public static final String UPDATE_TESTING = "update.testing";
    public static final String UPDATE_STABLE = "update.stable";
    public static final String UPDATE_UNPUSHED = "update.unpushed";
    public static final String UPDATE_REVOKED = "update.revoked";
    public static final String DECISION_CHANGED = "decision.changed";
    public static final String PUSH_COMPLETED = "push.completed";
    public static final java.util.List<String> TYPES = java.util.List.of(UPDATE_CREATED, UPDATE_TESTING, UPDATE_STABLE,
            UPDATE_UNPUSHED, UPDATE_REVOKED, DECISION_CHANGED, PUSH_COMPLETED);

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    /** Records {@code type} about {@code subject} (e.g. an update alias); joins the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void emit(String type, String subject, Object payload, Instant at) {
        em.createNativeQuery("insert into outbox_event (type, subject, payload, created_at) values (?, ?, cast(? as jsonb), ?)")
                .setParameter(1, type)
                .setParameter(2, subject)
                .setParameter(3, JSON.toJson(payload))
                .setParameter(4, java.sql.Timestamp.from(at))
                .executeUpdate();
    }
}
