package org.paddock.push;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** The Pushes page: the newest pushes, a running one with its progress, and one push's moves. */
@Named("pushesPage")
@RequestScoped
public class PushesBacking {

    @Inject
    PushLog log;

    @Inject
    FacesContext faces;

    private List<PushLog.PushView> pushes = List.of();
    private PushLog.PushView selected;
    private List<PushLog.ItemView> items = List.of();

    public void load() {
        String release = faces.getExternalContext().getRequestParameterMap().get("release");
        pushes = log.recent(100, release == null || release.isBlank() ? null : release);
        String id = faces.getExternalContext().getRequestParameterMap().get("push");
        if (id != null && id.matches("\\d{1,18}")) {
            selected = log.find(Long.parseLong(id)).orElse(null);
            items = selected == null ? List.of() : log.items(selected.id());
        } else if (!pushes.isEmpty()) {
            selected = pushes.get(0);
            items = log.items(selected.id());
        }
    }

    public List<PushLog.PushView> getPushes() { return pushes; }
    public PushLog.PushView getSelected() { return selected; }
    public List<PushLog.ItemView> getItems() { return items; }
    public boolean isAnyRunning() { return pushes.stream().anyMatch(p -> "running".equals(p.result())); }
}
