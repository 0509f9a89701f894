package org.congressflow.security;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A multipart upload over {@code spring.servlet.multipart} limits fails before any controller is chosen, so this
 * advice applies to every handler; only our API takes multipart uploads through Spring MVC.
 */
@RestControllerAdvice
class UploadTooLarge {

  private final DataSize maxFileSize;

  UploadTooLarge(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
    this.maxFileSize = maxFileSize;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, String>> tooLarge(MaxUploadSizeExceededException e) {
    return ApiErrors.error(HttpStatus.PAYLOAD_TOO_LARGE,
        "Tệp tải lên quá lớn: tối đa " + maxFileSize.toMegabytes() + " MB");
  }
}
