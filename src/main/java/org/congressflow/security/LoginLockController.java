package org.congressflow.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.congressflow.organisation.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/admin/login-locks}: an administrator sees who is throttled ({@link LoginThrottle}) and lifts it. */
@RestController
@RequestMapping("/api/admin/login-locks")
class LoginLockController {

  private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  /** {@code account} null: the client is throttled for every account; {@code lockedUntil} in local time. */
  record LockView(String account, String client, int failures, String lockedUntil) {}

  private final LoginThrottle throttle;

  LoginLockController(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @GetMapping
  ResponseEntity<?> list(HttpServletRequest request) {
    if (!isAdmin(request)) {
      return forbidden();
    }
    List<LockView> locks = throttle.locks().stream().map(lock -> new LockView(lock.account(), lock.client(),
        lock.failures(), lock.lockedUntil() == null ? null
            : lock.lockedUntil().atZone(ZONE).toLocalDateTime().withNano(0).toString())).toList();
    return ResponseEntity.ok(locks);
  }

  @DeleteMapping
  ResponseEntity<?> lift(@RequestParam String account, @RequestParam(required = false) String client,
      HttpServletRequest request) {
    if (!isAdmin(request)) {
      return forbidden();
    }
    return ResponseEntity.ok(Map.of("lifted", throttle.lift(account, client)));
  }

  private static boolean isAdmin(HttpServletRequest request) {
    return Caller.of(request).groupIds().contains(Groups.ADMINS);
  }

  private static ResponseEntity<?> forbidden() {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(Map.of("error", "Chỉ quản trị viên được xem và gỡ khóa đăng nhập"));
  }
}
