package org.paddock.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import org.paddock.platform.security.CurrentUser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every button of a page does around the service call: run it; when it succeeds, redirect (post, redirect,
 * get) to the page it names; when the service refuses (not allowed, not signed in, conflict, not found) show
 * that sentence, and when input is wrong show each field's reason where the page puts it. Backing beans call
 * {@link #run} instead of writing the try/redirect/catch block each.
 */
@RequestScoped
public class Pages {

    @Inject
    FacesContext faces;

    @Inject
    CurrentUser currentUser;

    /**
     * Where a failed action's messages go: a refusal's sentence at {@code refusalAt} (null: the page's global
     * messages), and each wrong field at the client id {@code fieldAt} gives for it, in the words {@code text}
     * gives (a null text leaves that field out, e.g. when the page already said something there).
     */
    public record Errors(String refusalAt, Function<FieldError, String> fieldAt, Function<FieldError, String> text) {

        /** Every message at one place, the reason alone. */
        public static Errors at(String clientId) {
            return new Errors(clientId, e -> clientId, FieldError::reason);
        }

        /** Every message at one place, a wrong field's message naming the field ("reason: is required"). */
        public static Errors namingFieldsAt(String clientId) {
            return new Errors(clientId, e -> clientId, e -> e.field() + ": " + e.reason());
        }

        /** A refusal at {@code refusalAt}, each wrong field next to its input {@code form:field}. */
        public static Errors byField(String form, String refusalAt) {
            return new Errors(refusalAt, e -> form + ":" + e.field(), FieldError::reason);
        }

        public Errors withFieldAt(Function<FieldError, String> where) {
            return new Errors(refusalAt, where, text);
        }

        public Errors withText(Function<FieldError, String> words) {
            return new Errors(refusalAt, fieldAt, words);
        }
    }

    /**
     * Runs {@code action}, which answers the path (below the context root, e.g. {@code /update.xhtml?alias=…})
     * to redirect to once it has succeeded; answers whether it did. On failure nothing redirects and the page
     * renders again with the messages.
     */
    public boolean run(Supplier<String> action, Errors errors) {
        try {
            String next = action.get();
            var ext = faces.getExternalContext();
            ext.redirect(ext.getRequestContextPath() + next);
            faces.responseComplete();
            return true;
        } catch (ForbiddenException | CurrentUser.NotSignedInException | ConflictException | NotFoundException e) {
            error(errors.refusalAt(), e.getMessage());
        } catch (InvalidInputException e) {
            for (FieldError err : e.errors()) {
                String text = errors.text().apply(err);
                if (text != null) {
                    error(errors.fieldAt().apply(err), text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return false;
    }

    /**
     * Lets only those {@code allowed} see a page: anyone else is sent to sign in first (and back to {@code page}
     * after), or, when signed in, answered 403 with {@code why}. Answers whether the page may render.
     */
    public boolean allowOnly(boolean allowed, String page, String why) {
        if (allowed) {
            return true;
        }
        var ext = faces.getExternalContext();
        try {
            if (!currentUser.isSignedIn()) {
                ext.redirect(ext.getRequestContextPath() + "/login.xhtml?next=" + page);
            } else {
                ext.responseSendError(403, why);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
        return false;
    }

    /** A sentence (or a value a page shows) for the next page after the redirect (shown once), under {@code key}. */
    public void flash(String key, Object message) {
        faces.getExternalContext().getFlash().put(key, message);
    }

    /** What {@link #flash} left for this page, or null. */
    public String flashed(String key) {
        Object s = flashedObject(key);
        return s == null ? null : s.toString();
    }

    /** What {@link #flash} left for this page, or null. */
    public Object flashedObject(String key) {
        return faces.getExternalContext().getFlash().get(key);
    }

    /** An error message at a client id (null: the page's global messages). */
    public void error(String clientId, String message) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
    }
}
