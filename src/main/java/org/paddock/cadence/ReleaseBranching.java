package org.paddock.cadence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.paddock.platform.security.User;
import org.paddock.release.ModuleStream;
import org.paddock.release.Release;
import org.paddock.release.Releases;

import java.util.List;

/**
 * A new release from an existing one in one step: its module streams with their owners and summaries, its own
 * default cadence and every stream's own cadence. Here, above both releases and cadences, because it copies both.
 */
@ApplicationScoped
public class ReleaseBranching {

    @Inject
    Releases releases;

    @Inject
    CadenceStore cadences;

    /** Branches {@code fromName} into the release {@code form} names (its alias prefix defaults to the old one's). */
    @Transactional
    public Release branch(String fromName, Releases.Form form, User by) {
        Release from = releases.byName(fromName);
        Releases.Form named = form == null ? null : new Releases.Form(form.name(), form.longName(), form.state(),
                form.aliasPrefix() == null || form.aliasPrefix().isBlank() ? from.getAliasPrefix() : form.aliasPrefix());
        Release to = releases.create(named, by);
        cadences.find(CadenceStore.Owner.RELEASE, from.getId())
                .ifPresent(c -> cadences.save(CadenceStore.Owner.RELEASE, to.getId(), c, by));
        List<ModuleStream> copies = releases.copyStreams(from, to, by);
        for (ModuleStream copy : copies) {
            from.getModuleStreams().stream().filter(s -> s.getNameStream().equals(copy.getNameStream())).findFirst()
                    .flatMap(s -> cadences.find(CadenceStore.Owner.MODULE_STREAM, s.getId()))
                    .ifPresent(c -> cadences.save(CadenceStore.Owner.MODULE_STREAM, copy.getId(), c, by));
        }
        return to;
    }
}
