package vn.gov.bvhttdl.dvc.api.admin;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import vn.gov.bvhttdl.dvc.adapters.RulesStore;
import vn.gov.bvhttdl.dvc.application.AdminDesk;

import java.time.Clock;

/**
 * The administrators' function's wiring, the one place that names its adapters: the desk over the rules store, which
 * both serves the rules in force and keeps the publications.
 */
@Factory
final class AdminBeans {
    @Singleton
    AdminDesk desk(RulesStore rules, Clock clock) {
        return new AdminDesk(rules, rules, clock);
    }
}
