package io.splitscope.app.api;

import io.splitscope.analysis.AnalysisException;
import io.splitscope.sql.WarehouseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns every failure of the REST API into a JSON {@link ApiError} with a one-line message; the
 * stack trace of an unexpected one goes to the server log only.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
final class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<String> refused(ApiException e) {
        return ApiError.of(e.status(), e.getMessage()).response();
    }

    /** The experiment exists and the parameters are good, but it cannot be analysed (e.g. it ends before it starts). */
    @ExceptionHandler(AnalysisException.class)
    ResponseEntity<String> notAnalysable(AnalysisException e) {
        return ApiError.of(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage()).response();
    }

    @ExceptionHandler(WarehouseException.class)
    ResponseEntity<String> warehouseFailed(WarehouseException e) {
        LOG.warn("API request failed on the warehouse: {}", e.getMessage());
        return ApiError.of(HttpStatus.INTERNAL_SERVER_ERROR, "the warehouse failed: " + e.getMessage()).response();
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<String> denied(AccessDeniedException e) {
        return ApiError.of(HttpStatus.FORBIDDEN, e.getMessage()).response();
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<String> badParameter(Exception e) {
        return ApiError.of(HttpStatus.BAD_REQUEST, "bad request parameter: " + e.getMessage()).response();
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<String> wrongMethod(HttpRequestMethodNotSupportedException e) {
        return ApiError.of(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage()).response();
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<String> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ApiError.of(HttpStatus.NOT_ACCEPTABLE, "this resource answers application/json (or text/csv for .csv)").response();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e) {
        LOG.error("API request failed", e);
        return ApiError.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal error (details are in the server log)").response();
    }
}
