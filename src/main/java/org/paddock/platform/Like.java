package org.paddock.platform;

/**
 * Text put into a SQL {@code LIKE} pattern so that it matches itself: {@code _} and {@code %} are
 * wildcards otherwise. Every such query says {@code escape '\'} (Hibernate tells PostgreSQL there is no
 * escape character unless one is named).
 */
public final class Like {

    private Like() {
    }

    public static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
