package org.workrelief.attendance.api;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.workrelief.common.NotFoundException;

import tools.jackson.databind.exc.MismatchedInputException;

/** JSON errors for the device API: never an HTML page or a stack trace for a terminal. */
@RestControllerAdvice(assignableTypes = PunchApiController.class)
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
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException unreadable) {
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
    ResponseEntity<Map<String, String>> notJson() {
        return malformed(message("api.malformed.json"));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, String>> gone() {
        return ResponseEntity.status(404).body(Map.of("code", "PROJECT_NOT_FOUND", "message", "项目不存在"));
    }

    private static ResponseEntity<Map<String, String>> malformed(String message) {
        return ResponseEntity.badRequest().body(Map.of("code", "MALFORMED_REQUEST", "message", message));
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
