package org.paddock.push;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** The Pushes page: the newest pushes, a running one with its progress, and one push's moves. */
@Named("pushesPage")
@RequestScoped
public class PushesBacking {

    @Inject
    PushLog log;

    private List<PushLog.PushView> pushes = List.of();
    private PushLog.PushView selected;
    private List<PushLog.ItemView> items = List.of();
    private String release;
    private String push;

    public void load() {
        pushes = log.recent(100, release == null || release.isBlank() ? null : release);
        if (push != null && push.matches("\\d{1,18}")) {
            selected = log.find(Long.parseLong(push)).orElse(null);
            items = selected == null ? List.of() : log.items(selected.id());
        } else if (!pushes.isEmpty()) {
            selected = pushes.get(0);
            items = log.items(selected.id());
        }
    }

    /** {@code ?release=}: only this release's pushes. */
    public String getRelease() { return release; }
    public void setRelease(String release) { this.release = release; }
    /** {@code ?push=}: the push whose moves are shown; the newest when none (or nonsense) is named. */
    public String getPush() { return push; }
    public void setPush(String push) { this.push = push; }
    public List<PushLog.PushView> getPushes() { return pushes; }
    public PushLog.PushView getSelected() { return selected; }
    public List<PushLog.ItemView> getItems() { return items; }
    public boolean isAnyRunning() { return pushes.stream().anyMatch(p -> "running".equals(p.result())); }
}
