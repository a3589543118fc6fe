package org.paddock.testresult;

import java.util.Set;

/**
 * Fired (synchronously, inside the storing transaction) after results were stored.
 *
 * @param updates aliases of the updates the results are about directly ({@code paddock_update} subjects)
 */
public record ResultsStored(Set<String> updates) {
}
