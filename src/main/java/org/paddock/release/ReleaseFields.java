package org.paddock.release;

/** What a release form holds, as the inputs bind to it (name, long name, state word, advisory id prefix). */
public class ReleaseFields {

    private String name;
    private String longName;
    private String state;
    private String aliasPrefix;

    public ReleaseFields() {
    }

    public ReleaseFields(Release r) {
        name = r.getName();
        longName = r.getLongName();
        state = r.getState().word();
        aliasPrefix = r.getAliasPrefix();
    }

    /** As {@link Releases} takes it. */
    public Releases.Form toForm() {
        return new Releases.Form(name, longName, state, aliasPrefix);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getLongName() { return longName; }
    public void setLongName(String longName) { this.longName = longName; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getAliasPrefix() { return aliasPrefix; }
    public void setAliasPrefix(String aliasPrefix) { this.aliasPrefix = aliasPrefix; }
}
