package org.paddock.cadence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the rule needs to know about the update's release: its name, whether it is archived, its freezes. */
public record ReleaseFacts(String name, boolean archived, List<Freeze> freezes) {

    public ReleaseFacts {
        name = Check.text(name, "name");
        freezes = freezes == null ? List.of() : List.copyOf(freezes(freezes));
    }

    /**
     * The freeze in effect at {@code at}, if any. When freezes overlap or touch, they make one: the answer is
     * the one of the chain that ends last, and its end is when the release thaws.
     */
    public Optional<Freeze> freezeAt(Instant at) {
        Freeze last = null;
        for (Freeze f : freezes) {
            if (f.covers(at) && (last == null || f.end().isAfter(last.end()))) {
                last = f;
            }
        }
        if (last == null) {
            return Optional.empty();
        }
        for (boolean longer = true; longer; ) {
            longer = false;
            for (Freeze f : freezes) {
                if (!f.start().isAfter(last.end()) && f.end().isAfter(last.end())) {
                    last = f;
                    longer = true;
                }
            }
        }
        return Optional.of(last);
    }

    private static List<Freeze> freezes(List<Freeze> freezes) {
        for (int i = 0; i < freezes.size(); i++) {
            Check.required(freezes.get(i), "freezes[" + i + "]");
        }
        return freezes;
    }
}
