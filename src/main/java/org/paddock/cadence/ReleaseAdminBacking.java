package org.paddock.cadence;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.paddock.platform.Pages;
import org.paddock.platform.security.CurrentUser;
import org.paddock.release.Release;
import org.paddock.release.ReleaseFields;
import org.paddock.release.Releases;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The home page's "New release" form for admins: a release of its own, or branched from an existing one (its
 * module streams, owners and cadences copied). In the cadence feature because branching copies cadences.
 */
@Named("releaseAdmin")
@RequestScoped
public class ReleaseAdminBacking {

    @Inject
    Releases releases;

    @Inject
    ReleaseBranching branching;

    @Inject
    CurrentUser currentUser;

    @Inject
    Pages pages;

    private final ReleaseFields fields = new ReleaseFields();
    private String branchFrom;

    public ReleaseAdminBacking() {
        fields.setState("pending");
    }

    public void create() {
        pages.run(() -> {
            Releases.Form form = fields.toForm();
            Release made = branchFrom == null || branchFrom.isBlank()
                    ? releases.create(form, currentUser.require())
                    : branching.branch(branchFrom, form, currentUser.require());
            pages.flash("releaseMade", "Release " + made.getName() + " made"
                    + (branchFrom == null || branchFrom.isBlank() ? "" : ", branched from " + branchFrom));
            return "/release.xhtml?release=" + URLEncoder.encode(made.getName(), StandardCharsets.UTF_8);
        }, Pages.Errors.byField("release-form", "release-form:create"));
    }

    public String getMade() { return pages.flashed("releaseMade"); }
    public ReleaseFields getFields() { return fields; }
    public String getBranchFrom() { return branchFrom; }
    public void setBranchFrom(String branchFrom) { this.branchFrom = branchFrom; }
}
