package org.paddock.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.paddock.testresult.ResultsStored;
import org.paddock.update.UpdateChanged;

import java.util.Set;
import java.util.TreeSet;

/**
 * What makes an update's decision be computed again, from the packages beneath policy (they cannot call it): the
 * update changed ({@link UpdateChanged}), or results about it or its builds arrived ({@link ResultsStored}). In the
 * same transaction as the change.
 */
@ApplicationScoped
class DecisionTriggers {

    @Inject
    UpdateDecisions decisions;

    void onUpdateChanged(@Observes UpdateChanged e) {
        decisions.recompute(e.alias(), e.cause());
    }

    void onResults(@Observes ResultsStored e) {
        Set<String> aliases = new TreeSet<>(e.updates());
        e.builds().forEach((type, ids) -> ids.forEach(id -> aliases.addAll(decisions.activeUpdatesHolding(type, id))));
        aliases.forEach(alias -> decisions.recompute(alias, "new test result"));
    }
}
