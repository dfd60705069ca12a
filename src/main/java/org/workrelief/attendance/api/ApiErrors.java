package org.workrelief.attendance.api;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.workrelief.common.NotFoundException;

/** JSON errors for the device API: never an HTML page or a stack trace for a terminal. */
@RestControllerAdvice(assignableTypes = PunchApiController.class)
class ApiErrors {

    @ExceptionHandler({ HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class })
    ResponseEntity<Map<String, String>> malformed() {
        return ResponseEntity.badRequest().body(Map.of("code", "MALFORMED_REQUEST", "message", "请求内容不是有效的 JSON"));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, String>> gone() {
        return ResponseEntity.status(404).body(Map.of("code", "PROJECT_NOT_FOUND", "message", "项目不存在"));
    }
}
