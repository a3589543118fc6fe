package org.paddock.cadence;

import org.paddock.platform.security.Permissions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.paddock.platform.NotFoundException;
import org.paddock.platform.security.User;
import org.paddock.release.ModuleStream;
import org.paddock.release.Release;
import org.paddock.release.ReleaseRepository;
import org.paddock.release.ReleaseState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which cadence a module stream follows — its own, else its release's, else {@link Cadence#DEFAULT} — and what
 * the eligibility rule needs to know of a release ({@link #facts}); policy editors and admins change cadences.
 * The rows are kept by {@link CadenceStore}, forms are checked by {@link CadenceForm}, freezes are {@link Freezes}.
 */
@ApplicationScoped
public class Cadences {

    /** A release that is frozen as a whole (state {@code frozen}) is frozen until this far away instant. */
    static final Instant FOREVER = Instant.parse("9999-12-31T00:00:00Z");

    @Inject
    CadenceStore store;

    @Inject
    Freezes freezes;

    @Inject
    ReleaseRepository releases;

    /** A cadence with where it comes from: {@code module stream}, {@code release} or {@code default}. */
    public record Effective(Cadence cadence, String source) {
    }

    public Effective forStream(long streamId) {
        return store.find(CadenceStore.Owner.MODULE_STREAM, streamId).map(c -> new Effective(c, "module stream"))
                .orElseGet(() -> forRelease(store.releaseOf(streamId)));
    }

    public Effective forRelease(long releaseId) {
        return store.find(CadenceStore.Owner.RELEASE, releaseId).map(c -> new Effective(c, "release"))
                .orElse(new Effective(Cadence.DEFAULT, "default"));
    }

    /** Sets the stream's own cadence ({@code form == null}: back to following its release). */
    @Transactional
    public Effective saveForStream(ModuleStream stream, CadenceForm form, User by) {
        Permissions.requireEditCadence(by, "change the cadence of " + stream.getNameStream());
        save(CadenceStore.Owner.MODULE_STREAM, stream.getId(), form, by);
        return forStream(stream.getId());
    }

    /** Sets the release's cadence, the default of its module streams ({@code form == null}: back to Paddock's default). */
    @Transactional
    public Effective saveForRelease(Release release, CadenceForm form, User by) {
        Permissions.requireEditCadence(by, "change the cadence of " + release.getName());
        save(CadenceStore.Owner.RELEASE, release.getId(), form, by);
        return forRelease(release.getId());
    }

    private void save(CadenceStore.Owner owner, long id, CadenceForm form, User by) {
        if (form == null) {
            store.delete(owner, id);
        } else {
            store.save(owner, id, form.toCadence(), by);
        }
    }

    /** What the eligibility rule needs to know of a release: archived, and the freezes (a frozen release is frozen for good). */
    public ReleaseFacts facts(Release release) {
        List<Freeze> list = new ArrayList<>(freezes.of(release.getId()).stream()
                .map(f -> new Freeze(f.start(), f.end(), f.reason())).toList());
        if (release.getState() == ReleaseState.FROZEN) {
            list.add(new Freeze(Instant.EPOCH, FOREVER, release.getName() + " is frozen"));
        }
        return new ReleaseFacts(release.getName(), release.getState() == ReleaseState.ARCHIVED, list);
    }

    public Release release(String name) {
        return releases.findByName(name).orElseThrow(() -> new NotFoundException("there is no release '" + name + "'"));
    }

}
