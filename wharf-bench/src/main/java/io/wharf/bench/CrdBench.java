package io.wharf.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * How soon a new CustomResourceDefinition is usable: for each of a series of CRDs, the time from
 * the create's answer until (a) its Established condition reads True and (b) the first object of
 * the new kind is created. The target is one second.
 */
final class CrdBench implements Main.Benchmark {
    private static final int DEFINITIONS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Results run(Path root) throws Exception {
        try (BenchServer s = BenchServer.start(root); LeanHttp conn = s.lean()) {
            long[] established = new long[DEFINITIONS];
            long[] served = new long[DEFINITIONS];
            for (int i = 0; i < DEFINITIONS; i++) {
                String plural = "things" + i;
                LeanHttp.Response created = conn.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
                        crd(plural, "Thing" + i).getBytes(StandardCharsets.UTF_8));
                expect(created, 201);
                long start = System.nanoTime();
                long establishedAt = 0;
                long servedAt = 0;
                byte[] object = ("{\"apiVersion\":\"bench.example.com/v1\",\"kind\":\"Thing" + i
                        + "\",\"metadata\":{\"name\":\"first\"},\"spec\":{\"size\":1}}").getBytes(StandardCharsets.UTF_8);
                while (establishedAt == 0 || servedAt == 0) {
                    if (System.nanoTime() - start > 30_000_000_000L) {
                        throw new IllegalStateException(plural + " not usable after 30 s");
                    }
                    if (establishedAt == 0 && isEstablished(conn, plural)) {
                        establishedAt = System.nanoTime();
                    }
                    if (servedAt == 0) {
                        LeanHttp.Response r = conn.post("/apis/bench.example.com/v1/namespaces/default/" + plural, object);
                        if (r.status() == 201) {
                            servedAt = System.nanoTime();
                        } else if (r.status() != 404) {
                            expect(r, 201);
                        }
                    }
                }
                established[i] = establishedAt - start;
                served[i] = servedAt - start;
            }
            long[] e = Results.sorted(established);
            long[] v = Results.sorted(served);
            Results r = new Results("crd");
            r.figures.put("definitions", DEFINITIONS);
            r.figures.put("established_p50_ms", Results.percentileMillis(e, 50));
            r.figures.put("established_max_ms", Results.percentileMillis(e, 100));
            r.figures.put("first_object_p50_ms", Results.percentileMillis(v, 50));
            r.figures.put("first_object_max_ms", Results.percentileMillis(v, 100));
            r.figures.put("target_ms", 1000);
            return r;
        }
    }

    private static boolean isEstablished(LeanHttp conn, String plural) throws Exception {
        LeanHttp.Response r = conn.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/" + plural + ".bench.example.com",
                "application/json");
        expect(r, 200);
        for (JsonNode c : JSON.readTree(r.body()).path("status").path("conditions")) {
            if (c.path("type").asText().equals("Established") && c.path("status").asText().equals("True")) {
                return true;
            }
        }
        return false;
    }

    private static void expect(LeanHttp.Response r, int status) {
        if (r.status() != status) {
            throw new IllegalStateException("answered " + r.status() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
    }

    private static String crd(String plural, String kind) {
        return """
                {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
                 "metadata":{"name":"%1$s.bench.example.com"},
                 "spec":{"group":"bench.example.com","scope":"Namespaced",
                   "names":{"plural":"%1$s","kind":"%2$s"},
                   "versions":[{"name":"v1","served":true,"storage":true,
                     "schema":{"openAPIV3Schema":{"type":"object","properties":{
                       "spec":{"type":"object","properties":{"size":{"type":"integer","minimum":0}}}}}}}]}}"""
                .formatted(plural, kind);
    }
}
