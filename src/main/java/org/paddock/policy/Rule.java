package org.paddock.policy;

/**
 * One requirement of a {@link Policy}. Each kind is a record; the engine answers each with
 * {@link Requirement}s. New kinds (days in testing, ...) join the permits list.
 */
public sealed interface Rule permits PassingTestCase, MinimumKarma, RemoteRule {
}
