package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.IssuedResult;

/** A result (or e-receipt) as the pages list it: its record and the address of its public verification page. */
public record ResultLine(IssuedResult result, String verifyUrl) {}
