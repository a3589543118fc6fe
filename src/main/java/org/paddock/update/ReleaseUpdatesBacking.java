package org.paddock.update;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.paddock.release.ModuleBuild;
import org.paddock.release.ModuleStream;
import org.paddock.release.Release;
import org.paddock.release.ReleaseRepository;

import java.io.IOException;
import java.util.List;

/**
 * A release's updates (counts with bar charts) and a module stream's builds and updates, for the release and
 * module stream pages ({@code #{releasePage}}). It lives in {@code update}, not {@code release}: it reads updates,
 * and release sits beneath update (ArchitectureTest).
 */
@Named("releasePage")
@RequestScoped
public class ReleaseUpdatesBacking {

    @Inject
    ReleaseRepository releases;

    @Inject
    ReleaseOverview overview;

    @Inject
    UpdateRepository updates;

    @Inject
    FacesContext faces;

    @Inject
    java.time.Clock clock;

    private Release release;
    private ModuleStream stream;
    private List<ReleaseOverview.Bar> byStatus = List.of();
    private List<ReleaseOverview.Bar> byType = List.of();
    private List<ReleaseOverview.Bar> bySeverity = List.of();
    private List<ModuleBuild> builds = List.of();
    private List<UpdateDtos.UpdateSummary> streamUpdates = List.of();

    /**
     * Loads the release (and module stream) the URL names; 404 when there is none. A postback of a form that does
     * not carry them (signing out from the layout) is left to its own action.
     */
    public void load(boolean wantStream) throws IOException {
        read();
        if ((release == null || (wantStream && stream == null)) && !faces.isPostback()) {
            faces.getExternalContext().responseSendError(404, "no such release or module stream");
            faces.responseComplete();
        }
    }

    private void read() {
        var params = faces.getExternalContext().getRequestParameterMap();
        String name = params.get("release");
        release = name == null ? null : releases.allWithModuleStreams().stream()
                .filter(r -> r.getName().equals(name)).findFirst().orElse(null);
        if (release == null) {
            return;
        }
        String module = params.get("module");
        if (module == null) {
            byStatus = overview.byStatus(release.getName());
            byType = overview.byType(release.getName());
            bySeverity = overview.bySeverity(release.getName());
            return;
        }
        stream = release.getModuleStreams().stream().filter(s -> s.getNameStream().equals(module)).findFirst().orElse(null);
        if (stream != null) {
            builds = releases.buildsOf(stream);
            streamUpdates = updates.summaries(new UpdateQuery(release.getName(), module, null, null, null, null, null,
                    null, null, null, null, "submitted", true), 0, 100).rows();
        }
    }

    /** Whether {@code s}'s life has ended today: it takes no new update. */
    public boolean ended(ModuleStream s) {
        return s.hasEnded(clock.instant());
    }

    public Release getRelease() {
        return release;
    }

    public ModuleStream getStream() {
        return stream;
    }

    public List<ReleaseOverview.Bar> getByStatus() {
        return byStatus;
    }

    public List<ReleaseOverview.Bar> getByType() {
        return byType;
    }

    public List<ReleaseOverview.Bar> getBySeverity() {
        return bySeverity;
    }

    public long getTotal() {
        return byStatus.stream().mapToLong(ReleaseOverview.Bar::count).sum();
    }

    public List<ModuleBuild> getBuilds() {
        return builds;
    }

    public List<UpdateDtos.UpdateSummary> getStreamUpdates() {
        return streamUpdates;
    }
}
