package org.paddock.update;

/**
 * Fired (synchronously, inside the transaction) after an update was submitted, edited or moved, so whatever
 * depends on it — its gating decision — is brought up to date in the same transaction.
 *
 * @param alias the update
 * @param cause what happened, in a few words ("submitted", "builds replaced", "comment with karma")
 */
public record UpdateChanged(String alias, String cause) {
}
