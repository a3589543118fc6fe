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

    public static final String DECISION_CHANGED = "decision.changed";

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
