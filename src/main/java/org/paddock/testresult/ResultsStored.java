package org.paddock.testresult;

import java.util.Set;

/**
 * Fired (synchronously, inside the storing transaction) after results were stored.
 *
 * @param updates aliases of the updates the results are about directly ({@code paddock_update} subjects)
 * @param builds  the other subjects the results are about, {@code type} to identifiers ({@code module_build} NSVCAs,
 *                {@code rpm_build} NVRs): the updates holding those builds are concerned too
 */
public record ResultsStored(Set<String> updates, java.util.Map<String, Set<String>> builds) {
}
