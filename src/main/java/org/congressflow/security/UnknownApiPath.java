package org.congressflow.security;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Any {@code /api} address no controller has: a Vietnamese 404 in JSON, as the rest of the API answers. */
@RestController
class UnknownApiPath {

  @RequestMapping("/api/**")
  ResponseEntity<Map<String, String>> unknown() {
    return ApiErrors.error(HttpStatus.NOT_FOUND, "Không có địa chỉ này trong API");
  }
}
