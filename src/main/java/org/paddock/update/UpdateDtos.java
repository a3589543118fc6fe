package org.paddock.update;

import org.paddock.release.Artifact;
import org.paddock.release.ModuleBuild;
import org.paddock.release.PackageView;

import java.time.Instant;
import java.util.List;

/** What the REST API answers about updates: records, never entities. */
public final class UpdateDtos {

    private UpdateDtos() {
    }

    public record UpdateSummary(String alias, String release, String status, String request, String type,
                                String severity, String title, String submitter, int karma, String gating,
                                Instant submitted, Instant modified, List<String> builds) {
        static UpdateSummary of(ModuleUpdate u) {
            return new UpdateSummary(u.getAlias(), u.getRelease().getName(), u.getStatus().word(),
                    u.getRequest().word(), u.getType().word(), u.getSeverity().word(), u.getTitle(),
                    u.getSubmitter().getUsername(), u.getKarma(), u.getGating(), u.getSubmittedAt(), u.getModifiedAt(),
                    u.getBuilds().stream().map(ModuleBuild::nsvca).toList());
        }
    }

    public record UpdateDetail(String alias, String release, String status, String request, String type,
                               String severity, String title, String notes, String suggestion, String submitter,
                               int karma, String gating, String hold, String windowOverride, Instant submitted, Instant modified, Instant testing, Instant stable,
                               String obsoletedBy, List<Build> builds, List<Ref> references, String url) {
        static UpdateDetail of(ModuleUpdate u, String baseUrl) {
            return new UpdateDetail(u.getAlias(), u.getRelease().getName(), u.getStatus().word(),
                    u.getRequest().word(), u.getType().word(), u.getSeverity().word(), u.getTitle(), u.getNotes(),
                    u.getSuggestion().word(), u.getSubmitter().getUsername(), u.getKarma(), u.getGating(),
                    u.getHoldReason(), u.getWindowOverride(),
                    u.getSubmittedAt(),
                    u.getModifiedAt(), u.getTestingAt(), u.getStableAt(),
                    u.getObsoletedBy() == null ? null : u.getObsoletedBy().getAlias(),
                    u.getBuilds().stream().map(b -> Build.of(b, u)).toList(),
                    u.getReferences().stream().map(Ref::of).toList(),
                    baseUrl + "updates/" + u.getAlias());
        }
    }

    public record Build(String nsvca, String name, String stream, long version, String context, String arch,
                        String summary, List<PackageView> packages) {
        static Build of(ModuleBuild b, ModuleUpdate u) {
            return new Build(b.nsvca(), b.getName(), b.getStream(), b.getVersion(), b.getContext(), b.getArch(),
                    b.getSummary(), b.getArtifacts().stream().map(a -> packageOf(a, u)).toList());
        }
    }

    /** An artifact's view with the references this update says it fixes. */
    static PackageView packageOf(Artifact a, ModuleUpdate u) {
        return PackageView.of(a, u.getReferences().stream()
                .filter(r -> r.getFixedIn().contains(a)).map(UpdateReference::getRefId).toList());
    }

    public record Ref(String kind, String id, String title, String url, List<String> fixedIn) {
        static Ref of(UpdateReference r) {
            return new Ref(r.getKind().word(), r.getRefId(), r.getTitle(), r.getUrl(),
                    r.getFixedIn().stream().map(Artifact::getLabel).toList());
        }
    }

    public record CommentView(long id, String author, String text, int karma, Instant created) {
        static CommentView of(Comment c) {
            return new CommentView(c.getId() == null ? 0 : c.getId(), c.getAuthor().getUsername(), c.getText(),
                    c.getKarma(), c.getCreatedAt());
        }
    }

    public record Page<T>(long total, int page, int rows, List<T> items) {
    }

    public record ReasonBody(String reason) {
    }

    public record RequestBody(String request, String reason) {
    }

    public record CommentBody(String text, Integer karma) {
    }
}
