package vn.gov.bvhttdl.dvc.api.pub;

import vn.gov.bvhttdl.dvc.api.*;

/** The public API function's Lambda handler (template.yaml: PublicApiFunction): the shared HTTP handler over this module's controllers. */
public class PublicApiHandler extends ApiHandler {}
