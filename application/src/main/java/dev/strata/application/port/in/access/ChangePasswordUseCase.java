package dev.strata.application.port.in.access;

import dev.strata.domain.access.Password;
import dev.strata.domain.access.Principal;

/** A local user changes their own password, proving the old one; every session of theirs ends. */
public interface ChangePasswordUseCase {

    void changePassword(Principal caller, Password oldPassword, Password newPassword);
}
