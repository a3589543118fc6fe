package org.paddock.platform;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every value an entity writes is checked against its column before the database sees it: text must fit the
 * column's {@code varchar(n)} and be storable ({@link Text}), times must lie in {@link Times}' range. The
 * lengths are read once from the database's own catalog, so Flyway's migrations are the one place they are
 * written. A value that does not fit is an {@link InvalidInputException} naming the property, so the
 * transaction rolls back with nothing stored and the caller gets a 422 (or a message on the page) instead
 * of PostgreSQL's error and a 500. Registered with Hibernate through {@code META-INF/services}.
 */
public class StoredValues implements Integrator, PreInsertEventListener, PreUpdateEventListener {

    /** table → column → longest text it holds, for every {@code varchar(n)} of the schema. */
    private static volatile Map<String, Map<String, Integer>> lengths;

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        EventListenerRegistry registry = sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class);
        registry.appendListeners(EventType.PRE_INSERT, this);
        registry.appendListeners(EventType.PRE_UPDATE, this);
    }

    @Override
    public boolean onPreInsert(PreInsertEvent event) {
        if (event.getPersister() instanceof AbstractEntityPersister entity && event.getId() instanceof String id) {
            // an identifier that is text (a policy's id) is written too, but is not part of the state
            List<FieldError> errors = new ArrayList<>();
            check(entity.getIdentifierPropertyName(), id, lengths(event.getSession())
                    .getOrDefault(bare(entity.getTableName()), Map.of()).get(bare(entity.getIdentifierColumnNames()[0])), errors);
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
        }
        check(event.getPersister(), event.getState(), event.getSession());
        return false;
    }

    @Override
    public boolean onPreUpdate(PreUpdateEvent event) {
        check(event.getPersister(), event.getState(), event.getSession());
        return false;
    }

    private void check(EntityPersister persister, Object[] state, org.hibernate.Session session) {
        if (!(persister instanceof AbstractEntityPersister entity)) {
            return;
        }
        Map<String, Integer> columns = lengths(session).getOrDefault(bare(entity.getTableName()), Map.of());
        String[] names = entity.getPropertyNames();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < state.length; i++) {
            String[] cols = entity.getPropertyColumnNames(i);
            check(names[i], state[i], cols.length == 1 ? columns.get(bare(cols[0])) : null, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * The same check for a row written by native SQL: {@code values} maps each column of {@code table} to what
     * is written there; a refusal names the column.
     */
    public static void checkRow(jakarta.persistence.EntityManager em, String table, Map<String, ?> values) {
        Map<String, Integer> columns = lengths(em.unwrap(org.hibernate.Session.class)).getOrDefault(table, Map.of());
        List<FieldError> errors = new ArrayList<>();
        values.forEach((column, value) -> check(column, value, columns.get(column), errors));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void check(String field, Object value, Integer maxLength, List<FieldError> errors) {
        String why = null;
        if (value instanceof String text) {
            why = Text.unstorable(text);
            int length = text.codePointCount(0, text.length());
            if (why == null && maxLength != null && length > maxLength) {
                why = "is " + length + " characters long; at most " + maxLength + " fit";
            }
        } else if (value instanceof Instant when) {
            why = Times.outOfRange(when);
        }
        if (why != null) {
            errors.add(new FieldError(field, why));
        }
    }

    private static Map<String, Map<String, Integer>> lengths(org.hibernate.Session session) {
        Map<String, Map<String, Integer>> known = lengths;
        if (known == null) {
            known = session.doReturningWork(connection -> {
                Map<String, Map<String, Integer>> read = new HashMap<>();
                try (var s = connection.createStatement();
                     ResultSet rs = s.executeQuery("select table_name, column_name, character_maximum_length "
                             + "from information_schema.columns where table_schema = current_schema() "
                             + "and character_maximum_length is not null")) {
                    while (rs.next()) {
                        read.computeIfAbsent(rs.getString(1), t -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
                    }
                }
                return read;
            });
            lengths = known;
        }
        return known;
    }

    private static String bare(String name) {
        String n = name.substring(name.lastIndexOf('.') + 1);
        return (n.startsWith("\"") ? n.substring(1, n.length() - 1) : n).toLowerCase(Locale.ROOT);
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory,
                             org.hibernate.service.spi.SessionFactoryServiceRegistry serviceRegistry) {
        lengths = null;
    }
}
