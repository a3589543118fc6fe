package org.paddock.platform.events;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.security.CurrentUser;

import java.io.IOException;
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
    FacesContext faces;

    private List<Webhooks.WebhookView> all = List.of();
    private Webhooks.WebhookView selected;
    private List<Webhooks.DeliveryView> deliveries = List.of();
    private String url;
    private List<String> events = new ArrayList<>();
    private String secret;

    public void load() throws IOException {
        if (!currentUser.mayManageWebhooks()) {
            var ext = faces.getExternalContext();
            if (!currentUser.isSignedIn()) {
                ext.redirect(ext.getRequestContextPath() + "/login.xhtml?next=/webhooks.xhtml");
            } else {
                ext.responseSendError(403, "only admins manage webhooks");
            }
            faces.responseComplete();
            return;
        }
        all = webhooks.list();
        String id = faces.getExternalContext().getRequestParameterMap().get("webhook");
        selected = all.stream().filter(w -> String.valueOf(w.id()).equals(id)).findFirst()
                .orElse(all.isEmpty() ? null : all.get(all.size() - 1));
        deliveries = selected == null ? List.of() : webhooks.deliveries(selected.id(), 100);
    }

    public void create() throws IOException {
        try {
            Webhooks.WebhookView made = webhooks.create(url, events, secret, currentUser.require());
            var ext = faces.getExternalContext();
            ext.getFlash().put("secret", "Webhook " + made.id() + " added. Its signing secret, shown this once: "
                    + made.secret());
            ext.redirect(ext.getRequestContextPath() + "/webhooks.xhtml?webhook=" + made.id());
            faces.responseComplete();
        } catch (InvalidInputException e) {
            e.errors().forEach(err -> faces.addMessage("webhook-form:" + (err.field().startsWith("events") ? "events"
                    : err.field()), new FacesMessage(FacesMessage.SEVERITY_ERROR, err.reason(), err.reason())));
            load();
        }
    }

    public String getMadeSecret() {
        Object s = faces.getExternalContext().getFlash().get("secret");
        return s == null ? null : s.toString();
    }

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
