package org.paddock.platform.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * The one way a JSON request body reaches a resource: the whole body (bounded by {@link BodyLimitFilter}) read
 * by {@link JsonBodies}. It intercepts every entity read, so which of the server's body readers would have been
 * chosen does not matter: none is asked (the server's JSON binding is the one that spun on an unclosed object).
 */
@Provider
public class JsonBodyReader implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Class<?> type = context.getType();
        if (!isJson(context.getMediaType()) || type == String.class || type == byte[].class
                || InputStream.class.isAssignableFrom(type) || Reader.class.isAssignableFrom(type)) {
            return context.proceed();
        }
        return JsonBodies.read(context.getInputStream().readAllBytes(), context.getGenericType());
    }

    private static boolean isJson(MediaType type) {
        return type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    }
}
