package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.RulesStore;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Role;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The one official action the citizen's supplement loop needs: a one-stop officer looks a dossier up by its code
 * and requests a supplement (form 02), listing everything missing or wrong at once. The clock stops until the
 * citizen resubmits. (The rest of the officials' work is its own issue.)
 */
@Controller("/api/official/dossiers")
@SecurityRequirement(name = "cognito")
final class OfficialController {
    private final DossierStore store;
    private final RulesStore rules;
    private final Clock clock;
    private final vn.gov.bvhttdl.dvc.application.RequestSupplement requestSupplement;

    OfficialController(DossierStore store, RulesStore rules, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.clock = clock;
        this.requestSupplement = new vn.gov.bvhttdl.dvc.application.RequestSupplement(store, clock);
    }

    /**
     * How many dossiers the official's agency has in each status (kept from the table's stream by
     * StatusCountsFunction; a change shows within seconds).
     */
    @Get("/counts")
    @Operation(summary = "Số hồ sơ theo cơ quan và trạng thái / dossiers per agency and status")
    Map<String, Map<String, Long>> counts(@Parameter(hidden = true) APIGatewayV2HTTPEvent event) {
        Identity me = requireOfficial(event);
        Map<String, Long> mine = new vn.gov.bvhttdl.dvc.adapters.StatusCounts(store.client(), store.tableName()).all().get(me.agency());
        return me.agency() == null ? Map.of() : Map.of(me.agency(), mine == null ? Map.of() : mine);
    }

    @Get("/by-code/{code}")
    @Operation(summary = "Cán bộ tra cứu hồ sơ theo mã / an official looks a dossier up by code")
    Views.DossierView byCode(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String code) {
        Identity me = requireOfficial(event);
        Dossier d = store.findByCode(code).filter(x -> vn.gov.bvhttdl.dvc.application.Access.inScope(me.actor(), x)).orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND,
                "dossier-not-found", new Text("Không có hồ sơ mã \"" + Limits.clip(code) + "\".", "No dossier with code \"" + Limits.clip(code) + "\".")));
        return view(d);
    }

    @Post("/{id}/supplement-request")
    @Operation(summary = "Yêu cầu bổ sung hồ sơ (mẫu 02), nêu một lần tất cả nội dung / request a supplement, all items at once")
    Views.DossierView requestSupplement(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id,
                                        @Body Views.SupplementRequest body) {
        Identity official = requireOfficial(event);
        return view(requestSupplement.request(official.actor(), id, body.items()));
    }

    private Views.DossierView view(Dossier d) {
        return Views.DossierView.of(d, rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElse(null),
                store.history(d.id()), store.attachments(d.id()), rules.calendar(), vn.gov.bvhttdl.dvc.domain.Role.OFFICIAL);
    }

    private static Identity requireOfficial(APIGatewayV2HTTPEvent event) {
        Identity me = Identity.of(event);
        if (me.role() != Role.OFFICIAL) {
            throw new ApiException(HttpStatus.FORBIDDEN, "officials-only",
                    new Text("Chỉ cán bộ bộ phận một cửa được thực hiện thao tác này.", "Only one-stop officials may do this."));
        }
        return me;
    }
}
