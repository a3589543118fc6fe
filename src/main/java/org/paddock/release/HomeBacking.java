package org.paddock.release;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** The home page: every release with its module streams. */
@Named("home")
@RequestScoped
public class HomeBacking {

    @Inject
    ReleaseRepository releases;

    private List<Release> all = List.of();

    @PostConstruct
    void load() {
        all = releases.allWithModuleStreams();
    }

    public List<Release> getReleases() {
        return all;
    }

    public int getModuleStreamCount() {
        return all.stream().mapToInt(r -> r.getModuleStreams().size()).sum();
    }
}
