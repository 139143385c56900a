package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import vn.gov.bvhttdl.dvc.application.SigningSessions;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The pending two-phase signatures ({@link SigningSessions}, issue #25) in the uploads bucket, one JSON object per
 * session at {@code signing-sessions/<id>.json} (the prepared PDFs in base64: a session can be several MB, more than a
 * table item holds). Written once ({@code If-None-Match: *}); closing deletes it. The object is outside
 * {@code dossiers/}, so the upload scan never sees it; the bucket's lifecycle rule {@code signing-sessions} removes what
 * was left after a day (a session expires after minutes: the use case checks {@code expiresAt}).
 */
public final class S3SigningSessions implements SigningSessions {
    public static final String PREFIX = "signing-sessions/";

    private final Supplier<S3Client> s3;
    private final Supplier<String> bucket;

    public S3SigningSessions(Supplier<S3Client> s3, Supplier<String> bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** Over the uploads bucket the settings name ({@code UPLOADS_BUCKET}). */
    public static S3SigningSessions fromSettings() {
        return new S3SigningSessions(AwsClients::s3, () -> Settings.require("UPLOADS_BUCKET"));
    }

    private static String key(String id) { return PREFIX + id + ".json"; }

    private static boolean wellFormed(String id) { return id != null && id.matches("[a-z0-9]{26}"); }

    @Override
    public void open(Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("official", s.official());
        m.put("purpose", s.purpose());
        m.put("createdAt", s.createdAt().toString());
        m.put("expiresAt", s.expiresAt().toString());
        m.put("chain", s.chain().stream().map(b -> Base64.getEncoder().encodeToString(b)).toList());
        List<Object> items = new ArrayList<>();
        for (Item i : s.items()) {
            Map<String, Object> it = new LinkedHashMap<>();
            it.put("ref", i.ref());
            it.put("prepared", Base64.getEncoder().encodeToString(i.prepared()));
            it.put("digest", Base64.getEncoder().encodeToString(i.digest()));
            it.put("data", new LinkedHashMap<>(i.data()));
            items.add(it);
        }
        m.put("items", items);
        m.put("refused", new LinkedHashMap<>(s.refused()));
        s3.get().putObject(b -> b.bucket(bucket.get()).key(key(s.id())).contentType("application/json").ifNoneMatch("*"),
                RequestBody.fromString(Json.write(m), StandardCharsets.UTF_8));
    }

    @Override
    public Optional<Session> find(String id) {
        if (!wellFormed(id)) return Optional.empty();
        String text;
        try {
            text = s3.get().getObjectAsBytes(b -> b.bucket(bucket.get()).key(key(id))).asUtf8String();
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return Optional.empty();
            throw e;
        }
        Map<String, Object> m = Json.obj(Json.parse(text));
        List<byte[]> chain = Json.list(m.get("chain")).stream().map(o -> Base64.getDecoder().decode((String) o)).toList();
        List<Item> items = new ArrayList<>();
        for (Object o : Json.list(m.get("items"))) {
            Map<String, Object> it = Json.obj(o);
            Map<String, String> data = new LinkedHashMap<>();
            Json.obj(it.get("data")).forEach((k, v) -> data.put(k, v == null ? "" : v.toString()));
            items.add(new Item(Json.str(it, "ref"), Base64.getDecoder().decode(Json.str(it, "prepared")),
                    Base64.getDecoder().decode(Json.str(it, "digest")), data));
        }
        Map<String, String> refused = new LinkedHashMap<>();
        Json.obj(m.get("refused")).forEach((k, v) -> refused.put(k, v.toString()));
        return Optional.of(new Session(Json.str(m, "id"), Json.str(m, "official"), Json.str(m, "purpose"),
                Instant.parse(Json.str(m, "createdAt")), Instant.parse(Json.str(m, "expiresAt")), chain, items, refused));
    }

    @Override
    public boolean close(String id) {
        if (!wellFormed(id)) return false;
        // the one caller that still finds it ends it (S3 has no conditional delete on the emulators: a rare double
        // completion of the same session files the same documents, which are written once)
        if (find(id).isEmpty()) return false;
        s3.get().deleteObject(b -> b.bucket(bucket.get()).key(key(id)));
        return true;
    }
}
