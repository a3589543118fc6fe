package org.paddock.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.primefaces.util.Constants;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * A form this session did not give out never acts. Posted with a view state the session does not hold (it
 * expired, or the state is another session's or made up), Faces refuses to restore the view; posted without the
 * page's CSP nonce (which PrimeFaces' script adds to every form of the page), {@link NonceCheck} refuses it
 * before anything is applied. Either way, instead of an error page, the person is sent to {@code /expired.xhtml},
 * which says so and links back to the page the form was on; a PrimeFaces AJAX post gets the same redirect in its
 * partial response. This bean is that page's backing ({@code #{expired}}).
 */
@Named("expired")
@RequestScoped
public class ExpiredViews {

    static final String PAGE = "/expired.xhtml";
    /** The request attribute the layout shows above every page: input refused where the page did not expect it. */
    static final String REFUSED = "paddockRefused";

    private String next;

    /** The page to reload: the one whose form was posted, if it is a path inside Paddock. */
    public String getBack() {
        return LocalPaths.orHome(next);
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    /** Sends the person to the expired page, which links back to the page whose form was posted. */
    private static void redirect(FacesContext faces) {
        ExternalContext ext = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ext.getRequest();
        String posted = request.getServletPath() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        try {
            ext.redirect(ext.getRequestContextPath() + PAGE + "?next=" + URLEncoder.encode(posted, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new FacesException(e);
        }
        faces.responseComplete();
    }

    /** Registered in faces-config.xml; wraps the handler Faces would use otherwise. */
    public static class HandlerFactory extends ExceptionHandlerFactory {
        public HandlerFactory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new Handler(getWrapped().getExceptionHandler());
        }
    }

    /**
     * Registered in faces-config.xml. PrimeFaces checks a postback's nonce only when it renders the answer, after
     * the actions ran (and answers a missing one with a 500): here it is checked right after the view is restored.
     */
    public static class NonceCheck implements PhaseListener {
        @Override
        public void afterPhase(PhaseEvent event) {
            FacesContext faces = event.getFacesContext();
            if (faces.getResponseComplete() || !faces.isPostback() || faces.getViewRoot() == null) {
                return;
            }
            Map<String, Object> view = faces.getViewRoot().getViewMap(false);
            Object given = view == null ? null : view.get(Constants.RequestParams.NONCE_PARAM);
            if (given != null && !given.equals(
                    faces.getExternalContext().getRequestParameterMap().get(Constants.RequestParams.NONCE_PARAM))) {
                redirect(faces);
            }
        }

        @Override
        public PhaseId getPhaseId() {
            return PhaseId.RESTORE_VIEW;
        }
    }

    static class Handler extends ExceptionHandlerWrapper {
        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext faces = FacesContext.getCurrentInstance();
            for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
                Throwable thrown = events.next().getContext().getException();
                InvalidInputException refused = Causes.find(thrown, InvalidInputException.class).orElse(null);
                if (Causes.find(thrown, ViewExpiredException.class).isPresent()) {
                    events.remove();
                    if (!faces.getResponseComplete()) {
                        redirect(faces);
                    }
                } else if (refused != null) {
                    // refused when it was stored (StoredValues), after the page's own checks: said on the same page
                    events.remove();
                    faces.getExternalContext().getRequestMap().put(REFUSED, refused.errors());
                    faces.validationFailed();
                    faces.renderResponse();
                }
            }
            getWrapped().handle();
        }
    }
}
