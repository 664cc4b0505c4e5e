package io.wharf.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import java.nio.charset.StandardCharsets;

/** JSON written with single quotes in tests, to keep the expectations readable. */
final class PatchTestSupport {
    private PatchTestSupport() {
    }

    static JsonNode json(String text) {
        return Json.parse(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }
}
