package org.paddock.onboarding;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.paddock.platform.Pages;
import org.paddock.platform.security.CurrentUser;

/**
 * The Import page, admins only: an onboarding file, or a repository's modules.yaml into a release, pasted in; "Dry run"
 * shows the plan with nothing stored (the text stays for "Import"), "Import" stores it and shows what it made. Both
 * go through {@link Onboarding}, as the API does.
 */
@Named("bulkImport")
@RequestScoped
public class ImportBacking {

    static final String FILE = "file";
    static final String MODULES = "modules";

    @Inject
    Onboarding onboarding;

    @Inject
    CurrentUser currentUser;

    @Inject
    Pages pages;

    private String kind = FILE;
    private String release;
    private String ownerGroup;
    private String yaml;
    private Onboarding.Plan plan;

    /** What the last button left for this page: the plan, and after a dry run the text and choices to import. */
    @PostConstruct
    void init() {
        Object flashed = pages.flashedObject("importPlan");
        if (flashed instanceof Onboarding.Plan p) {
            plan = p;
        }
        if (pages.flashedObject("importText") instanceof String[] kept) {
            kind = kept[0];
            release = kept[1];
            ownerGroup = kept[2];
            yaml = kept[3];
        }
    }

    public void load() {
        pages.allowOnly(currentUser.mayManageReleases(), "/import.xhtml", "only admins import");
    }

    public void dryRun() {
        run(true);
    }

    public void importNow() {
        run(false);
    }

    private void run(boolean dry) {
        pages.run(() -> {
            var by = currentUser.require();
            Onboarding.Plan done = MODULES.equals(kind)
                    ? onboarding.importModules(release == null ? "" : release.strip(), yaml == null ? "" : yaml,
                    ownerGroup == null || ownerGroup.isBlank() ? null : ownerGroup.strip(), dry, by)
                    : onboarding.importFile(yaml == null ? "" : yaml, dry, by);
            pages.flash("importPlan", done);
            if (dry) {
                pages.flash("importText", new String[]{kind, release, ownerGroup, yaml});
            }
            return "/import.xhtml";
        }, Pages.Errors.namingFieldsAt("import-form:yaml").withFieldAt(err -> "import-form:"
                + ("ownerGroup".equals(err.field()) && MODULES.equals(kind) ? "ownerGroup" : "yaml")));
    }

    public Onboarding.Plan getPlan() { return plan; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = MODULES.equals(kind) ? MODULES : FILE; }
    public String getRelease() { return release; }
    public void setRelease(String release) { this.release = release; }
    public String getOwnerGroup() { return ownerGroup; }
    public void setOwnerGroup(String ownerGroup) { this.ownerGroup = ownerGroup; }
    public String getYaml() { return yaml; }
    public void setYaml(String yaml) { this.yaml = yaml; }
}
