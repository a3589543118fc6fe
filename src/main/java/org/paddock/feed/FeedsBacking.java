package org.paddock.feed;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.paddock.release.Release;
import org.paddock.release.ReleaseRepository;
import org.paddock.release.ReleaseState;

import java.util.ArrayList;
import java.util.List;

/** The Feeds page: every feed with its URL and what to type to use it. */
@Named("feedsPage")
@RequestScoped
public class FeedsBacking {

    @Inject
    ReleaseRepository releases;

    @Inject
    FacesContext faces;

    /** One release's channel, with the commands that put its advisories into a dnf repository. */
    public record Channel(String release, String channel, String updateinfo, String modules, String snippet) {
    }

    public record Link(String what, String url) {
    }

    private String base;
    private final List<Channel> channels = new ArrayList<>();
    private final List<Link> others = new ArrayList<>();

    public void load() {
        base = FeedServlet.baseUrl((HttpServletRequest) faces.getExternalContext().getRequest());
        for (Release r : releases.allWithModuleStreams()) {
            if (r.getState() == ReleaseState.ARCHIVED) {
                continue;
            }
            for (String ch : List.of("stable", "testing")) {
                String dir = base + "feeds/" + r.getName() + "/" + ch + "/";
                String snippet = String.join("\n",
                        "# in the yum repository that serves " + r.getName() + " " + ch + " (after createrepo_c):",
                        "curl -fsS -o updateinfo.xml " + dir + "updateinfo.xml",
                        "curl -fsS -o modules.yaml " + dir + "modules.yaml",
                        "modifyrepo_c --mdtype=updateinfo updateinfo.xml repodata/",
                        "modifyrepo_c --mdtype=modules modules.yaml repodata/",
                        "# on a client:",
                        "dnf config-manager --add-repo https://mirror.example/" + r.getName().toLowerCase() + "-" + ch + "/",
                        "dnf updateinfo list --refresh");
                channels.add(new Channel(r.getName(), ch, dir + "updateinfo.xml", dir + "modules.yaml", snippet));
            }
        }
        others.add(new Link("Atom: every update reaching testing or stable, or revoked", base + "feeds/atom.xml"));
        others.add(new Link("Atom: security updates only", base + "feeds/atom.xml?security=true"));
        for (Release r : releases.allWithModuleStreams()) {
            others.add(new Link("Atom: " + r.getName(), base + "feeds/atom.xml?release=" + r.getName()));
            r.getModuleStreams().forEach(s -> others.add(new Link("Atom: " + s.getNameStream() + " in " + r.getName(),
                    base + "feeds/atom.xml?release=" + r.getName() + "&module=" + s.getNameStream())));
        }
        others.add(new Link("JSON for tools: stable advisories (filters cve, bug, severity, type, module, package, since)",
                base + "api/v1/advisories"));
        others.add(new Link("OSV: all advisories, one JSON document each", base + "osv/all.zip"));
        others.add(new Link("OSV: one advisory", base + "osv/PADDOCK-2026-….json"));
    }

    public List<Channel> getChannels() {
        return channels;
    }

    public List<Link> getOthers() {
        return others;
    }
}
