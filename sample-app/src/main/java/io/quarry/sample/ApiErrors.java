package io.quarry.sample;

import io.quarry.repository.InvalidSortException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.DatabindException;

/** Turns failures into readable JSON: 400 for bad input, 404 for a missing host or datacenter, 409 for a duplicate. */
@RestControllerAdvice
public class ApiErrors {

    @ExceptionHandler(MethodArgumentNotValidException.class)
    public ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(error -> fields.put(error.getField(), error.getDefaultMessage()));
        return body(HttpStatus.BAD_REQUEST, "invalid host", Map.of("fields", fields));
    }

    @ExceptionHandler({HostNotFoundException.class, DatacenterNotFoundException.class})
    public ResponseEntity<Map<String, Object>> notFound(RuntimeException e) {
        return body(HttpStatus.NOT_FOUND, e.getMessage(), Map.of());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    public ResponseEntity<Map<String, Object>> conflict(DataIntegrityViolationException e) {
        return body(HttpStatus.CONFLICT, "a host with this hostname or address exists", Map.of());
    }

    /** A sort or filter the model cannot answer; the message says what, not which repository method refused it. */
    @ExceptionHandler(InvalidDataAccessApiUsageException.class)
    public ResponseEntity<Map<String, Object>> badQuery(InvalidDataAccessApiUsageException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidSortException sort) {
                return body(HttpStatus.BAD_REQUEST, sort.clientMessage(), Map.of());
            }
        }
        return body(HttpStatus.BAD_REQUEST, "invalid query parameters", Map.of());
    }

    /** A body that is not JSON, or a value of the wrong type ("port": 1.5, "port": "ssh"): which field, not the stack. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
                String field = databind.getPath().stream().map(reference -> reference.getPropertyName() != null
                        ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                        .collect(java.util.stream.Collectors.joining("."));
                return body(HttpStatus.BAD_REQUEST, "invalid value for '" + field + "'", Map.of());
            }
        }
        return body(HttpStatus.BAD_REQUEST, "the request body is not valid JSON", Map.of());
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", message);
        body.putAll(extra);
        return ResponseEntity.status(status).body(body);
    }
}
