package org.paddock.update;

import org.paddock.platform.FieldError;

import java.util.ArrayList;
import java.util.List;

/** The words of an update that its submitter writes: type, severity, title, notes and suggestion. */
public record UpdateContent(UpdateType type, Severity severity, String title, String notes, Suggestion suggestion) {

    static final int TITLE_MAX = 300;
    static final int NOTES_MAX = 100_000;

    public UpdateContent {
        title = title == null ? "" : title.strip();
        notes = notes == null ? "" : notes.strip();
        severity = severity == null ? Severity.NONE : severity;
        suggestion = suggestion == null ? Suggestion.NONE : suggestion;
    }

    /** Every reason this content cannot be stored, each naming its field; empty when it can. */
    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        if (type == null) {
            errors.add(new FieldError("type", "is required: one of security, bugfix, enhancement, newpackage"));
        }
        if (type == UpdateType.SECURITY && severity == Severity.NONE) {
            errors.add(new FieldError("severity", "a security update needs a severity: critical, important, moderate or low"));
        }
        if (title.isEmpty()) {
            errors.add(new FieldError("title", "is required"));
        } else if (title.length() > TITLE_MAX) {
            errors.add(new FieldError("title", "must be at most " + TITLE_MAX + " characters, not " + title.length()));
        } else if (title.chars().anyMatch(c -> c < 0x20)) {
            errors.add(new FieldError("title", "must be one line without control characters"));
        }
        if (notes.length() > NOTES_MAX) {
            errors.add(new FieldError("notes", "must be at most " + NOTES_MAX + " characters, not " + notes.length()));
        }
        return errors;
    }
}
