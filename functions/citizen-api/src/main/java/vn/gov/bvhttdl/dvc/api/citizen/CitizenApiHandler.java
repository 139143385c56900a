package vn.gov.bvhttdl.dvc.api.citizen;

import vn.gov.bvhttdl.dvc.api.*;

/** The citizen API function's Lambda handler (template.yaml: CitizenApiFunction): the shared HTTP handler over this module's controllers. */
public class CitizenApiHandler extends ApiHandler {}
