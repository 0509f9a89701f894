package org.congressflow.security;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The errors of our own API as a Vietnamese JSON message, never a Java exception's text or a stack trace: the
 * caller learns what to do, the log keeps the details. A controller's own handlers come first. Errors raised
 * before a controller is chosen: {@link UploadTooLarge}, {@link UnknownApiPath}.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, String>> mediaType(HttpMediaTypeNotSupportedException e) {
    return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Kiểu dữ liệu gửi lên không được hỗ trợ");
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
      MissingServletRequestPartException.class, MethodArgumentTypeMismatchException.class, MultipartException.class})
  ResponseEntity<Map<String, String>> unreadable(Exception e) {
    log.debug("Unreadable API request", e);
    return error(HttpStatus.BAD_REQUEST, "Yêu cầu không hợp lệ: thiếu dữ liệu hoặc dữ liệu sai định dạng");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, String>> method(HttpRequestMethodNotSupportedException e) {
    return error(HttpStatus.METHOD_NOT_ALLOWED, "Địa chỉ này không nhận phương thức " + e.getMethod());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, String>> unexpected(Exception e) {
    log.error("API request failed", e);
    return error(HttpStatus.INTERNAL_SERVER_ERROR, "Lỗi máy chủ; xin thử lại sau hoặc báo quản trị hệ thống");
  }

  static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(Map.of("error", message));
  }
}
