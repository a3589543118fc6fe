/**
 * May this update move now, and if not, why and when: {@link org.paddock.cadence.Eligibility} reads a
 * {@link org.paddock.cadence.Candidate}, its gating {@link org.paddock.cadence.Gate}, the module's
 * {@link org.paddock.cadence.Cadence} and the {@link org.paddock.cadence.ReleaseFacts}, and returns a
 * {@link org.paddock.cadence.Verdict} with one line for the update page and the earliest instant it may move.
 *
 * <p>Those rule classes are plain Java: no CDI, no JPA, no I/O, no clock — every instant is an argument. Beside
 * them the package keeps cadences and freezes ({@link org.paddock.cadence.Cadences},
 * {@link org.paddock.cadence.CadenceForm}, {@link org.paddock.cadence.Freezes}) with their REST resource and pages;
 * it sits above {@code policy} in the order ArchitectureTest checks.
 */
package org.paddock.cadence;
