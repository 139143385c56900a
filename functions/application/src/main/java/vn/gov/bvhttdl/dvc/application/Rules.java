package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.WorkingCalendar;

/** Port: the catalogue and the calendar in force (bundled rules plus administrators' publications). */
public interface Rules {
    ProcedureCatalogue catalogue();

    WorkingCalendar calendar();
}
