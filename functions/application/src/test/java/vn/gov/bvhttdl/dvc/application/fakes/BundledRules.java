package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.Rules;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.WorkingCalendar;

/** The Rules port with the bundled catalogue and calendar (no administrators' publications). */
public final class BundledRules implements Rules {
    @Override
    public ProcedureCatalogue catalogue() { return ProcedureCatalogue.load(); }

    @Override
    public WorkingCalendar calendar() { return WorkingCalendar.standard(); }
}
