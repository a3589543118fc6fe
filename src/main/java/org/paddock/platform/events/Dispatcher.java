package org.paddock.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers the outbox to webhooks. First each new event becomes one delivery per subscribed webhook (once: the
 * pair is unique); then due deliveries are POSTed as CloudEvents 1.0 JSON (structured mode) signed with
 * HMAC-SHA256 of the body under the webhook's secret, header {@code X-Paddock-Signature: sha256=<hex>}. A 2xx
 * answer delivers it; anything else is retried with doubling back-off until {@code max-attempts}. Rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED} and leased, so several instances never send the same delivery at once,
 * and no transaction waits on a receiver.
 */
@ApplicationScoped
public class Dispatcher {

    public static final String SIGNATURE_HEADER = "X-Paddock-Signature";

    private static final Jsonb JSON = JsonbBuilder.create();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    /** How many deliveries one claim takes. */
    public static final int BATCH = 20;

    @Inject
    Clock clock;

    @Inject
    Deliveries deliveries;

    @Inject
    @ConfigProperty(name = "paddock.webhooks.retry-base", defaultValue = "PT10S")
    Duration retryBase;

    @Inject
    @ConfigProperty(name = "paddock.webhooks.max-attempts", defaultValue = "8")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "paddock.base-url", defaultValue = "http://localhost:8080/")
    String baseUrl;

    /** How many events one fan-out hands out at most. */
    public static final int FAN_OUT_BATCH = 5000;

    /**
     * Turns new events into deliveries, in one statement: up to {@link #FAN_OUT_BATCH} events, each becoming one
     * delivery per subscribed webhook and marked handed out; returns how many events it handed out.
     */
    @Transactional
    public int fanOut() {
        Instant now = clock.instant();
        return ((Number) em.createNativeQuery("""
                        with events as (
                            select id, type from outbox_event where delivered_at is null order by id limit ?
                            for update skip locked),
                        handed as (
                            insert into webhook_delivery (webhook_id, event_id, state, next_attempt_at, created_at)
                            select w.id, e.id, 'pending', ?, ? from events e join webhook w on w.active
                                and (w.events = '*' or e.type = any (string_to_array(w.events, ',')))
                            on conflict (webhook_id, event_id) do nothing)
                        update outbox_event o set delivered_at = ? from events e where o.id = e.id""")
                .setParameter(1, FAN_OUT_BATCH).setParameter(2, java.sql.Timestamp.from(now))
                .setParameter(3, java.sql.Timestamp.from(now)).setParameter(4, java.sql.Timestamp.from(now))
                .executeUpdate()).intValue();
    }

    /**
     * Sends the deliveries that are due; returns how many were attempted. No transaction is open while a receiver
     * is called: the batch is claimed in one (leased for {@link Deliveries#LEASE}, so another instance leaves it
     * alone), and each outcome is recorded in its own.
     */
    public int deliverDue() {
        List<Deliveries.Due> due = deliveries.claim(clock.instant(), BATCH);
        for (Deliveries.Due d : due) {
            int attempt = d.attempts() + 1;
            String body = cloudEvent(d.eventId(), d.type(), d.subject(), d.payload(), d.createdAt());
            Integer code = null;
            String error = null;
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(d.url()))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                        .header(SIGNATURE_HEADER, "sha256=" + sign(d.secret(), body))
                        .header("X-Paddock-Delivery", String.valueOf(d.id()))
                        .header("User-Agent", "Paddock-Webhooks")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.discarding());
                code = r.statusCode();
                if (code / 100 != 2) {
                    error = "answered HTTP " + code;
                }
            } catch (java.io.IOException e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            } catch (IllegalArgumentException e) {
                error = "bad URL: " + e.getMessage();
            }
            Instant after = clock.instant();
            if (error == null) {
                deliveries.delivered(d.id(), attempt, code, after);
            } else {
                deliveries.failed(d.id(), attempt, code, error, attempt >= maxAttempts, after.plus(backoff(attempt)));
            }
        }
        return due.size();
    }

    /** Doubling from the base after each failed attempt, at most an hour. */
    Duration backoff(int failedAttempts) {
        Duration d = retryBase.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return d.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : d;
    }

    /** CloudEvents 1.0, JSON structured mode. */
    String cloudEvent(long id, String type, String subject, String payloadJson, Instant time) {
        Map<String, Object> ce = new LinkedHashMap<>();
        ce.put("specversion", "1.0");
        ce.put("id", String.valueOf(id));
        ce.put("source", baseUrl);
        ce.put("type", type);
        ce.put("subject", subject);
        ce.put("time", time.toString());
        ce.put("datacontenttype", "application/json");
        ce.put("data", JSON.fromJson(payloadJson, Object.class));
        return JSON.toJson(ce);
    }

    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
