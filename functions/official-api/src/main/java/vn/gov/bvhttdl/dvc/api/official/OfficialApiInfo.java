package vn.gov.bvhttdl.dvc.api.official;

import vn.gov.bvhttdl.dvc.api.*;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI document is generated from the controllers at compile time (META-INF/swagger). */
@OpenAPIDefinition(info = @Info(title = "dvc-official-api", version = "0.1",
        description = "Cổng Dịch vụ công Bộ VHTTDL – API cho cán bộ một cửa và đơn vị xử lý. Officials API: work queues, dossiers, moves, letters. "
                + "Errors are application/problem+json with a Vietnamese and an English message."))
@SecurityScheme(name = "cognito", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
final class OfficialApiInfo {
    private OfficialApiInfo() {}
}
