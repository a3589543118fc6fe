package org.paddock.platform.events;

import org.paddock.platform.security.Permissions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.paddock.platform.StoredValues;
import org.paddock.platform.FieldError;
import org.paddock.platform.ForbiddenException;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.NotFoundException;
import org.paddock.platform.SqlTimes;
import org.paddock.platform.security.User;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Webhook subscriptions (admins only) and their delivery log. */
@ApplicationScoped
public class Webhooks {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    Clock clock;

    /** A subscription; the secret is shown only when it is made. */
    public record WebhookView(long id, String url, List<String> events, boolean active, String createdBy,
                              Instant created, String secret, long delivered, long pending, long failed) {
    }

    public record DeliveryView(long id, long event, String type, String subject, String state, int attempts,
                               Integer statusCode, String error, Instant nextAttempt, Instant delivered, Instant created) {
    }

    @Transactional
    public WebhookView create(String url, List<String> events, String secret, User by) {
        Permissions.requireManageWebhooks(by);
        List<FieldError> errors = new ArrayList<>();
        URI uri = null;
        try {
            uri = url == null ? null : URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("url", "'" + url + "' is not a URL: " + e.getMessage()));
        }
        if (url != null && uri != null && (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme())
                || uri.getHost() == null)) {
            errors.add(new FieldError("url", "must be an http or https URL with a host, not '" + url + "'"));
        } else if (url == null || url.isBlank()) {
            errors.add(new FieldError("url", "is required: where to POST the events"));
        }
        List<String> types = events == null || events.isEmpty() ? List.of("*") : events.stream().map(String::strip).toList();
        for (int i = 0; i < types.size(); i++) {
            if (!types.get(i).equals("*") && !Outbox.TYPES.contains(types.get(i))) {
                errors.add(new FieldError("events[" + i + "]", "'" + types.get(i) + "' is not an event type: use * or "
                        + String.join(", ", Outbox.TYPES)));
            }
        }
        String key = secret == null || secret.isBlank() ? newSecret() : secret.strip();
        if (key.length() < 16 || key.length() > 200) {
            errors.add(new FieldError("secret", "must be 16 to 200 characters (leave it out and Paddock makes one)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        StoredValues.checkRow(em, "webhook", Map.of("url", url.strip(), "events", String.join(",", types)));
        Instant now = clock.instant();
        long id = ((Number) em.createNativeQuery("""
                        insert into webhook (url, secret, events, active, created_by, created_at)
                        values (?, ?, ?, true, ?, ?) returning id""")
                .setParameter(1, url.strip()).setParameter(2, key).setParameter(3, String.join(",", types))
                .setParameter(4, by.getId()).setParameter(5, java.sql.Timestamp.from(now)).getSingleResult()).longValue();
        return new WebhookView(id, url.strip(), types, true, by.getUsername(), now, key, 0, 0, 0);
    }

    @Transactional
    public void setActive(long id, boolean active, User by) {
        Permissions.requireManageWebhooks(by);
        if (em.createNativeQuery("update webhook set active = ? where id = ?").setParameter(1, active).setParameter(2, id)
                .executeUpdate() == 0) {
            throw new NotFoundException("there is no webhook " + id);
        }
    }

    @SuppressWarnings("unchecked")
    public List<WebhookView> list() {
        List<Object[]> rows = em.createNativeQuery("""
                        select w.id, w.url, w.events, w.active, u.username, w.created_at,
                          (select count(*) from webhook_delivery d where d.webhook_id = w.id and d.state = 'delivered'),
                          (select count(*) from webhook_delivery d where d.webhook_id = w.id and d.state = 'pending'),
                          (select count(*) from webhook_delivery d where d.webhook_id = w.id and d.state = 'failed')
                        from webhook w join paddock_user u on u.id = w.created_by order by w.id""").getResultList();
        return rows.stream().map(r -> new WebhookView(((Number) r[0]).longValue(), (String) r[1],
                List.of(((String) r[2]).split(",")), (Boolean) r[3], (String) r[4], SqlTimes.instant(r[5]), null,
                ((Number) r[6]).longValue(), ((Number) r[7]).longValue(), ((Number) r[8]).longValue())).toList();
    }

    @SuppressWarnings("unchecked")
    public List<DeliveryView> deliveries(long webhookId, int limit) {
        if (em.createNativeQuery("select 1 from webhook where id = ?").setParameter(1, webhookId).getResultList().isEmpty()) {
            throw new NotFoundException("there is no webhook " + webhookId);
        }
        List<Object[]> rows = em.createNativeQuery("""
                        select d.id, e.id, e.type, e.subject, d.state, d.attempts, d.last_status_code, d.last_error,
                               d.next_attempt_at, d.delivered_at, d.created_at
                        from webhook_delivery d join outbox_event e on e.id = d.event_id
                        where d.webhook_id = ? order by d.id desc limit ?""")
                .setParameter(1, webhookId).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new DeliveryView(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                (String) r[2], (String) r[3], (String) r[4], ((Number) r[5]).intValue(),
                r[6] == null ? null : ((Number) r[6]).intValue(), (String) r[7], SqlTimes.instant(r[8]),
                SqlTimes.instant(r[9]), SqlTimes.instant(r[10]))).toList();
    }

    private static String newSecret() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return "whsec_" + HexFormat.of().formatHex(b);
    }
}
