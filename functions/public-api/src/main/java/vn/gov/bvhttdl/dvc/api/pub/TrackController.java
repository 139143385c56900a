package vn.gov.bvhttdl.dvc.api.pub;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import vn.gov.bvhttdl.dvc.api.Views;
import vn.gov.bvhttdl.dvc.application.PublicDesk;

/**
 * Looking a dossier up without signing in, as the national portal offers: the code and the key printed on the
 * receipt show the status and the appointment date, and of the person only the initials. A wrong key and an
 * unknown code get the same answer; each address may try {@value PublicDesk#LOOKUPS_PER_MINUTE} times a minute
 * ({@link PublicDesk#track}).
 */
@Controller("/api/track")
final class TrackController {
    private final PublicDesk desk;

    TrackController(PublicDesk desk) {
        this.desk = desk;
    }

    @Get("/{code}{?key}")
    @Operation(summary = "Tra cứu hồ sơ bằng mã hồ sơ và mã tra cứu, không cần đăng nhập / track a dossier by code and key")
    PublicViews.TrackView track(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String code,
                          @QueryValue @Nullable String key) {
        return PublicViews.tracked(desk.track(PublicViews.address(event), code, key));
    }
}
