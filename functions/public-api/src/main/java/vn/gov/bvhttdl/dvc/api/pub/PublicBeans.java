package vn.gov.bvhttdl.dvc.api.pub;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.ResultStore;
import vn.gov.bvhttdl.dvc.adapters.RulesStore;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.application.PublicDesk;
import vn.gov.bvhttdl.dvc.signing.TrustRoot;
import vn.gov.bvhttdl.dvc.signing.TrustedSignatures;

import java.time.Clock;

/**
 * The public function's wiring, the one place that names its adapters: the desk (every public page's query) over the
 * table's stores (read only: the role allows no write there), the results' records, the look-up counters in the small
 * table of their own that this function may write, and the signing CA's certificate signatures are checked against
 * (it cannot sign).
 */
@Factory
final class PublicBeans {
    @Singleton
    PublicDesk desk(Table table, DossierStore store, RulesStore rules, ResultStore results, Clock clock) {
        return new PublicDesk(store, table.lookupKeys(), rules, results, table.requestCounter(), new TrustedSignatures(new TrustRoot(), clock), clock);
    }
}
