package io.bulwark.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Answers the requests Jetty rejects before Bulwark sees them (a NUL byte in the path, a bad
 * header, an unsupported {@code Expect}) with the same JSON error shape and a request id as
 * every other answer, instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
    private final ObjectMapper json;

    JsonErrorHandler(ObjectMapper json) {
        this.json = json;
    }

    /** Requests that could not even be parsed. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put("X-Request-Id", newRequestId());
        return ByteBuffer.wrap(body(status));
    }

    /** Errors Jetty raises for parsed requests outside any handler. */
    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        if (!response.containsHeader("X-Request-Id")) {
            response.setHeader("X-Request-Id", newRequestId());
        }
        response.getOutputStream().write(body(response.getStatus()));
        baseRequest.setHandled(true);
    }

    private byte[] body(int status) {
        String message = status >= 500 ? "Internal server error."
                : "The HTTP request is malformed (" + status + " " + HttpStatus.getMessage(status)
                        + ").";
        try {
            return json.writeValueAsBytes(Map.of("error", message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of two strings always serialises", e);
        }
    }

    private static String newRequestId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
