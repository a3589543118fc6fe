package org.paddock.platform.events;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.paddock.platform.Pages;
import org.paddock.platform.security.CurrentUser;

import java.util.ArrayList;
import java.util.List;

/** The Webhooks page (admins): subscriptions, a form to add one, and the delivery log of one. */
@Named("webhooksPage")
@RequestScoped
public class WebhooksBacking {

    @Inject
    Webhooks webhooks;

    @Inject
    CurrentUser currentUser;

    @Inject
    Pages pages;

    private List<Webhooks.WebhookView> all = List.of();
    private Webhooks.WebhookView selected;
    private List<Webhooks.DeliveryView> deliveries = List.of();
    private String url;
    private List<String> events = new ArrayList<>();
    private String secret;
    private Long webhook;

    public void load() {
        if (!pages.allowOnly(currentUser.mayManageWebhooks(), "/webhooks.xhtml", "only admins manage webhooks")) {
            return;
        }
        all = webhooks.list();
        selected = all.stream().filter(w -> webhook != null && w.id() == webhook).findFirst()
                .orElse(all.isEmpty() ? null : all.get(all.size() - 1));
        deliveries = selected == null ? List.of() : webhooks.deliveries(selected.id(), 100);
    }

    public void create() {
        boolean made = pages.run(() -> {
            Webhooks.WebhookView w = webhooks.create(url, events, secret, currentUser.require());
            pages.flash("secret", "Webhook " + w.id() + " added. Its signing secret, shown this once: " + w.secret());
            return "/webhooks.xhtml?webhook=" + w.id();
        }, Pages.Errors.byField("webhook-form", null)
                .withFieldAt(err -> "webhook-form:" + (err.field().startsWith("events") ? "events" : err.field())));
        if (!made) {
            load();
        }
    }

    public String getMadeSecret() {
        return pages.flashed("secret");
    }

    /** The webhook whose deliveries are shown ({@code ?webhook=}); the newest when none is named. */
    public Long getWebhook() { return webhook; }
    public void setWebhook(Long webhook) { this.webhook = webhook; }
    public List<String> getTypes() { return Outbox.TYPES; }
    public List<Webhooks.WebhookView> getAll() { return all; }
    public Webhooks.WebhookView getSelected() { return selected; }
    public List<Webhooks.DeliveryView> getDeliveries() { return deliveries; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public List<String> getEvents() { return events; }
    public void setEvents(List<String> events) { this.events = events; }
    public String getSecret() { return secret; }
    public void setSecret(String secret) { this.secret = secret; }
}
