/**
 * May this update move now, and if not, why and when: {@link org.paddock.cadence.Eligibility} reads a
 * {@link org.paddock.cadence.Candidate}, its gating {@link org.paddock.cadence.Gate}, the module's
 * {@link org.paddock.cadence.Cadence} and the {@link org.paddock.cadence.ReleaseFacts}, and returns a
 * {@link org.paddock.cadence.Verdict} with one line for the update page and the earliest instant it may move.
 *
 * <p>Plain Java: no CDI, no JPA, no I/O, no clock — every instant is an argument. The package depends on
 * nothing else in Paddock but {@code platform.Words}, so that {@code release} (which owns a module's
 * cadence) can use it; updates are therefore described by their words ({@code security}, {@code critical},
 * {@code testing}), the same words as {@code update.UpdateType}, {@code Severity} and {@code UpdateStatus}.
 */
package org.paddock.cadence;
