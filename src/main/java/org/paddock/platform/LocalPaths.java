package org.paddock.platform;

/** Where Paddock may send a person back to after a step: only a path inside Paddock, never another site. */
public final class LocalPaths {

    private LocalPaths() {
    }

    /** {@code path} when it is a path inside Paddock ("/update.xhtml?alias=…"), else the home page "/". */
    public static String orHome(String path) {
        if (path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")) {
            return path;
        }
        return "/";
    }
}
