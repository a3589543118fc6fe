package org.paddock.cadence;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.paddock.platform.Pages;
import org.paddock.platform.security.CurrentUser;
import org.paddock.release.Release;
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

    private String name;
    private String longName;
    private String state = "pending";
    private String aliasPrefix;
    private String branchFrom;

    public void create() {
        pages.run(() -> {
            Releases.Form form = new Releases.Form(name, longName, state, aliasPrefix);
            Release made = branchFrom == null || branchFrom.isBlank()
                    ? releases.create(form, currentUser.require())
                    : branching.branch(branchFrom, form, currentUser.require());
            pages.flash("releaseMade", "Release " + made.getName() + " made"
                    + (branchFrom == null || branchFrom.isBlank() ? "" : ", branched from " + branchFrom));
            return "/release.xhtml?release=" + URLEncoder.encode(made.getName(), StandardCharsets.UTF_8);
        }, Pages.Errors.byField("release-form", "release-form:create"));
    }

    public String getMade() { return pages.flashed("releaseMade"); }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getLongName() { return longName; }
    public void setLongName(String longName) { this.longName = longName; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getAliasPrefix() { return aliasPrefix; }
    public void setAliasPrefix(String aliasPrefix) { this.aliasPrefix = aliasPrefix; }
    public String getBranchFrom() { return branchFrom; }
    public void setBranchFrom(String branchFrom) { this.branchFrom = branchFrom; }
}
