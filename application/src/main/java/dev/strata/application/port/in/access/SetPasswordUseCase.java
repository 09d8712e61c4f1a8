package dev.strata.application.port.in.access;

import dev.strata.domain.access.Password;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.UserId;

/** Resets a user's password without the old one; their sessions end. Needs LOCAL_USER_WRITE. */
public interface SetPasswordUseCase {

    void setPassword(Principal caller, UserId id, Password newPassword);
}
