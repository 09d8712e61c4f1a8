package dev.strata.adapters.rest.provisioner;

import dev.strata.application.port.in.tenant.CreateTenantUseCase;
import dev.strata.application.port.in.tenant.DeleteTenantUseCase;
import dev.strata.application.port.in.tenant.GetTenantUseCase;
import dev.strata.application.port.in.tenant.ListTenantsUseCase;
import dev.strata.application.port.in.tenant.UpdateTenantUseCase;

/** What the tenant paths drive. */
public record TenantUseCases(CreateTenantUseCase create, ListTenantsUseCase list, GetTenantUseCase get,
                             UpdateTenantUseCase update, DeleteTenantUseCase delete) {
}
