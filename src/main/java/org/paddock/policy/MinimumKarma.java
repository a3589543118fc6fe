package org.paddock.policy;

/**
 * The subject's karma must be at least {@code karma}: Paddock's own {@code !MinimumKarmaRule}.
 */
public record MinimumKarma(int karma) implements Rule {
}
