package org.paddock.platform.security;

import org.paddock.platform.Words;

/**
 * What a user may do beyond reading: maintainers act on updates of the module streams their groups own,
 * policy editors write policies and cadences and waive, admins do everything, CI accounts post results.
 */
public enum Role {
    MAINTAINER, POLICY_EDITOR, ADMIN, CI;

    public String word() {
        return Words.word(this);
    }

    @jakarta.persistence.Converter
    public static class JpaConverter extends Words.Converter<Role> {
        public JpaConverter() {
            super(Role.class);
        }
    }
}
