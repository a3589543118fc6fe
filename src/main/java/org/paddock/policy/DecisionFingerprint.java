package org.paddock.policy;

import org.paddock.testresult.SubjectType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What makes two decisions the same, so a change is stored and told only when it is real: whether the gate is
 * open, the status word, and which requirements stand how. Result and waiver ids are left out: a re-run with the
 * same outcome is no change.
 */
final class DecisionFingerprint {

    private DecisionFingerprint() {
    }

    static String of(Decision d) {
        StringBuilder s = new StringBuilder().append(d.policiesSatisfied()).append('|').append(d.status());
        List<String> parts = new ArrayList<>();
        for (Requirement r : d.satisfied()) {
            parts.add("+" + key(r));
        }
        for (Requirement r : d.unsatisfied()) {
            parts.add("-" + key(r));
        }
        parts.stream().sorted().forEach(p -> s.append('|').append(p));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(Requirement r) {
        // which build a requirement is about matters (one RPM build passing, another failing); the update itself
        // is always the same one, so it is left out, as it always was
        String about = SubjectType.PADDOCK_UPDATE.word().equals(r.subjectType()) ? "" : "\u0000" + r.subjectIdentifier();
        return r.type() + "\u0000" + r.testcase() + "\u0000" + r.scenario() + "\u0000" + r.subjectType() + "\u0000"
                + r.requiredKarma() + about;
    }
}
