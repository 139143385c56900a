package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.FileLinks;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Links that name what they open (and remember it), as the S3 links would open it. */
public final class FakeFileLinks implements FileLinks {
    public final List<String> opened = new ArrayList<>();

    @Override
    public URI open(Attachment accepted) { return link("uploads/" + accepted.key() + (accepted.versionId() == null ? "" : "?v=" + accepted.versionId())); }

    @Override
    public URI receipt(String dossierCode) { return link("documents/receipts/" + dossierCode); }

    @Override
    public URI result(IssuedResult r, String fileName) { return link("results/" + r.id() + "/" + fileName); }

    private URI link(String what) {
        opened.add(what);
        return URI.create("https://files.example/" + what);
    }
}
