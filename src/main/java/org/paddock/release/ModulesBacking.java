package org.paddock.release;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** The Modules page: every module stream of every release. */
@Named("modules")
@RequestScoped
public class ModulesBacking {

    @Inject
    ReleaseRepository releases;

    private List<ModuleStream> all = List.of();

    @PostConstruct
    void load() {
        all = releases.allModuleStreams();
    }

    public List<ModuleStream> getModuleStreams() {
        return all;
    }
}
