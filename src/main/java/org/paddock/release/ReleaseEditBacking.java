package org.paddock.release;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.paddock.platform.Pages;
import org.paddock.platform.security.CurrentUser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The release page's form for admins: its long name, its state (pending → current → frozen → archived, frozen back
 * to current) and the prefix of its advisories' ids. Reads the release the URL names once, when first used (the form
 * posts it back as a hidden field); the getters only answer.
 */
@Named("releaseEdit")
@RequestScoped
public class ReleaseEditBacking {

    @Inject
    Releases releases;

    @Inject
    ReleaseRepository repository;

    @Inject
    CurrentUser currentUser;

    @Inject
    FacesContext faces;

    @Inject
    Pages pages;

    private String release;
    private ReleaseFields fields = new ReleaseFields();

    @PostConstruct
    void read() {
        release = faces.getExternalContext().getRequestParameterMap().get("release");
        if (release != null && !faces.isPostback()) {
            repository.findByName(release).ifPresent(r -> fields = new ReleaseFields(r));
        }
    }

    public void save() {
        pages.run(() -> {
            Releases.Form form = fields.toForm();
            Release r = releases.edit(release, new Releases.Form(null, form.longName(), form.state(), form.aliasPrefix()),
                    currentUser.require());
            pages.flash("releaseSaved", r.getName() + " saved: " + r.getState().word() + ", ids " + r.getAliasPrefix() + "-…");
            return "/release.xhtml?release=" + URLEncoder.encode(r.getName(), StandardCharsets.UTF_8);
        }, Pages.Errors.byField("release-edit", "release-edit:save"));
    }

    public String getSaved() { return pages.flashed("releaseSaved"); }
    public String getRelease() { return release; }
    public ReleaseFields getFields() { return fields; }
}
