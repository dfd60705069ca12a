package org.workrelief.attendance.api;

import java.time.OffsetDateTime;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.workrelief.common.NotFoundException;

import tools.jackson.databind.exc.MismatchedInputException;

/**
 * JSON errors for the device API: never an HTML page or a stack trace for a terminal. Ahead of the
 * screens' ErrorPageAdvice, which would otherwise answer some of the same exceptions with a page.
 */
@RestControllerAdvice(assignableTypes = PunchApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * 400 MALFORMED_REQUEST. Where the JSON is readable but a value is not of its field's form, the
     * message names the field (with its place in a batch, e.g. {@code punches[3].punchedAt}) and, for a
     * time, the form expected.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiAnswers.ApiError> unreadable(HttpMessageNotReadableException unreadable) {
        if (unreadable.getCause() instanceof MismatchedInputException wrongValue && !wrongValue.getPath().isEmpty()) {
            String field = wrongValue.getPath().stream()
                    .map(step -> step.getPropertyName() != null ? "." + step.getPropertyName() : "[" + step.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            boolean time = wrongValue.getTargetType() != null && OffsetDateTime.class.isAssignableFrom(wrongValue.getTargetType());
            return malformed(message(time ? "api.malformed.time" : "api.malformed.field", field));
        }
        return malformed(message("api.malformed.json"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiAnswers.ApiError> notJson() {
        return malformed(message("api.malformed.json"));
    }

    /** The token's project is not there (any more): the token is no longer good for anything. */
    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiAnswers.ApiError> gone() {
        return ResponseEntity.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(new ApiAnswers.ApiError("UNAUTHORIZED", DeviceApiSecurity.UNAUTHORIZED_MESSAGE));
    }

    private static ResponseEntity<ApiAnswers.ApiError> malformed(String message) {
        return ResponseEntity.badRequest().body(new ApiAnswers.ApiError("MALFORMED_REQUEST", message));
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
