package dev.strata.application.port.in.access;

import dev.strata.domain.access.Password;
import dev.strata.domain.access.RequestOrigin;

/** Checks a user name and password and opens a session; returns its bearer token, shown once. Public. */
public interface LoginUseCase {

    String login(String username, Password password, RequestOrigin origin);
}
