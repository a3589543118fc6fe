package org.paddock.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.paddock.platform.rest.Problem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * The text of every request's address — path and query — and of every page form is checked by {@link Text}
 * before anything reads it: a NUL, a lone surrogate or bytes that are not UTF-8 are refused (422 naming the
 * parameter for the API, 400 for pages) instead of reaching the database and failing there, or being
 * silently replaced. Bodies of the API are checked by {@code JsonBodies}.
 */
@WebFilter(urlPatterns = "/*")
public class RequestTextFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        FieldError problem = problem(request);
        if (problem == null) {
            chain.doFilter(request, response);
        } else if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(422);
            response.setContentType(Problem.JSON.toString());
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Problem.json(422, "the request's address cannot be read", java.util.List.of(problem)));
        } else {
            // the page says it (the container would escape a sendError message once more than the page)
            request.setAttribute("paddockBadRequest", problem.field() + " " + problem.reason());
            response.sendError(400);
        }
    }

    private static FieldError problem(HttpServletRequest request) {
        FieldError path = check("path", request.getRequestURI(), false);
        if (path != null) {
            return path;
        }
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String rawName = eq < 0 ? pair : pair.substring(0, eq);
                FieldError name = check("query parameter", rawName, true);
                if (name != null) {
                    return name;
                }
                FieldError value = check(decode(rawName, true), eq < 0 ? "" : pair.substring(eq + 1), true);
                if (value != null) {
                    return value;
                }
            }
        }
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            // page forms: the container has read them already, as text; what it could not decode is replaced
            for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
                for (String v : e.getValue()) {
                    String why = Text.unstorable(v);
                    if (why != null) {
                        return new FieldError(e.getKey(), why);
                    }
                }
            }
        }
        return null;
    }

    private static FieldError check(String field, String raw, boolean form) {
        try {
            String why = Text.unstorable(decode(raw, form));
            return why == null ? null : new FieldError(field, why);
        } catch (InvalidInputException e) {
            return new FieldError(field, e.errors().get(0).reason());
        }
    }

    /** Percent-decoding that refuses what is not UTF-8 (the container's own replaces it). */
    static String decode(String raw, boolean form) {
        if (raw.indexOf('%') < 0 && !(form && raw.indexOf('+') >= 0)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    throw new InvalidInputException("", "has a '%' that is not followed by two hex digits");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && form) {
                bytes.write(' ');
            } else if (c < 0x100) {
                bytes.write(c); // the container hands raw bytes over as ISO-8859-1
            } else {
                byte[] b = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return Text.utf8(bytes.toByteArray(), "");
    }
}
