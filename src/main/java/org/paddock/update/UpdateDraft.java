package org.paddock.update;

import org.paddock.release.BuildDraft;

import java.util.List;

/**
 * An update as submitted or edited over REST or from the form. Builds come as NSVCAs of builds already
 * imported ({@code builds}), as JSON ({@code newBuilds}) or as modulemd YAML ({@code modulemd}).
 * References carry the packages that fix them ({@code fixedIn}: package names, NEVRAs or purls).
 */
public record UpdateDraft(String release, List<String> builds, List<BuildDraft> newBuilds, String modulemd,
                          String type, String severity, String title, String notes, String suggestion,
                          List<ReferenceDraft> references, String ownerGroup) {

    public UpdateDraft {
        builds = builds == null ? List.of() : List.copyOf(builds);
        newBuilds = newBuilds == null ? List.of() : List.copyOf(newBuilds);
    }

    /** The references given; an absent list (null) means "leave them as they are" when editing. */
    public List<ReferenceDraft> referencesOrEmpty() {
        return references == null ? List.of() : references;
    }

    public record ReferenceDraft(String kind, String id, String title, List<String> fixedIn) {
        public ReferenceDraft {
            fixedIn = fixedIn == null ? List.of() : List.copyOf(fixedIn);
        }
    }

    public boolean hasBuilds() {
        return !builds.isEmpty() || !newBuilds.isEmpty() || (modulemd != null && !modulemd.isBlank());
    }
}
