package vn.gov.bvhttdl.dvc.api.official;

import vn.gov.bvhttdl.dvc.api.*;

/** The official API function's Lambda handler (template.yaml: OfficialApiFunction): the shared HTTP handler over this module's controllers. */
public class OfficialApiHandler extends ApiHandler {}
