package vn.gov.bvhttdl.dvc.api.admin;

import vn.gov.bvhttdl.dvc.api.*;

/** The admin API function's Lambda handler (template.yaml: AdminApiFunction): the shared HTTP handler over this module's controllers. */
public class AdminApiHandler extends ApiHandler {}
