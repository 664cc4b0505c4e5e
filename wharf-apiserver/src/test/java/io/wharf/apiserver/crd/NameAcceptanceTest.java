package io.wharf.apiserver.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameAcceptanceTest {
    /** A CRD asking for names, holding {@code held} as accepted names (JSON object text, or null for none yet). */
    static ObjectNode crd(String plural, String kind, String shortNames, String held) {
        String json = """
                {"metadata":{"name":"%1$s.example.com","uid":"u-%1$s"},
                 "spec":{"group":"example.com","names":{"plural":"%1$s","singular":"%3$s","kind":"%2$s","listKind":"%2$sList","shortNames":%4$s}},
                 "status":{"acceptedNames":%5$s}}""".formatted(plural, kind, kind.toLowerCase(), shortNames,
                held == null ? "{\"plural\":\"\",\"kind\":\"\"}" : held);
        return Json.parseObject(json.getBytes(StandardCharsets.UTF_8));
    }

    static NameAcceptance.Decision decide(ObjectNode crd, ObjectNode... others) {
        List<CrdSpec> group = new ArrayList<>();
        for (ObjectNode o : others) {
            group.add(CrdSpec.of(o));
        }
        group.add(CrdSpec.of(crd));
        return NameAcceptance.decide(CrdSpec.of(crd), crd, group);
    }

    static String held(String plural, String kind, String shortNames) {
        return "{\"plural\":\"%s\",\"singular\":\"%s\",\"kind\":\"%s\",\"listKind\":\"%sList\",\"shortNames\":%s}"
                .formatted(plural, kind.toLowerCase(), kind, kind, shortNames);
    }

    @Test
    void freshNamesAreAcceptedAndTheDefinitionEstablished() {
        NameAcceptance.Decision d = decide(crd("widgets", "Widget", "[\"wd\"]", null));
        assertThat(d.accepted()).isEqualTo(new CrdNames("widgets", "widget", "Widget", "WidgetList", List.of("wd"), List.of()));
        assertThat(d.namesAccepted().status()).isEqualTo("True");
        assertThat(d.namesAccepted().reason()).isEqualTo("NoConflicts");
        assertThat(d.established().status()).isEqualTo("True");
        assertThat(d.established().reason()).isEqualTo("InitialNamesAccepted");
    }

    @Test
    void aShortNameHeldByAnotherDefinitionIsRefusedWhileTheRestIsAccepted() {
        ObjectNode other = crd("gadgets", "Gadget", "[\"g\"]", held("gadgets", "Gadget", "[\"g\"]"));
        NameAcceptance.Decision d = decide(crd("widgets", "Widget", "[\"g\",\"w\"]", null), other);
        assertThat(d.namesAccepted().status()).isEqualTo("False");
        assertThat(d.namesAccepted().reason()).isEqualTo("ShortNamesConflict");
        assertThat(d.namesAccepted().message()).isEqualTo("\"g\" is already in use");
        assertThat(d.accepted().plural()).isEqualTo("widgets");
        assertThat(d.accepted().shortNames()).isEmpty();
        assertThat(d.established().status()).isEqualTo("False");
        assertThat(d.established().reason()).isEqualTo("NotAccepted");
    }

    @Test
    void severalRefusedShortNamesAreListedTogether() {
        ObjectNode other = crd("gadgets", "Gadget", "[\"a\",\"b\"]", held("gadgets", "Gadget", "[\"a\",\"b\"]"));
        NameAcceptance.Decision d = decide(crd("widgets", "Widget", "[\"a\",\"b\"]", null), other);
        assertThat(d.namesAccepted().message()).isEqualTo("[\"a\" is already in use, \"b\" is already in use]");
    }

    @Test
    void aPluralUsedAsAnotherDefinitionsSingularConflicts() {
        ObjectNode other = crd("gadgets", "Gadget", "[]", "{\"plural\":\"gadgets\",\"singular\":\"widgets\",\"kind\":\"Gadget\",\"listKind\":\"GadgetList\"}");
        NameAcceptance.Decision d = decide(crd("widgets", "Widget", "[]", null), other);
        assertThat(d.namesAccepted().reason()).isEqualTo("PluralConflict");
        assertThat(d.accepted().plural()).isEmpty();
        assertThat(d.accepted().kind()).isEqualTo("Widget");
    }

    @Test
    void namesAlreadyHeldStayEvenWhenAnotherDefinitionNowAsksForThem() {
        ObjectNode mine = crd("widgets", "Widget", "[\"w\"]", held("widgets", "Widget", "[\"w\"]"));
        ObjectNode rival = crd("gadgets", "Gadget", "[\"w\"]", null);
        NameAcceptance.Decision d = decide(mine, rival);
        assertThat(d.namesAccepted().status()).isEqualTo("True");
        assertThat(d.accepted().shortNames()).containsExactly("w");
    }

    @Test
    void anEstablishedDefinitionStaysEstablishedWhenARenameConflicts() {
        ObjectNode mine = crd("widgets", "Gizmo", "[]", held("widgets", "Widget", "[]"));
        CrdConditions.set(mine, new CrdConditions.Condition("Established", "True", "InitialNamesAccepted", "the initial names have been accepted"),
                java.time.Instant.parse("2024-01-01T00:00:00Z"));
        ObjectNode other = crd("gizmos", "Gizmo", "[]", held("gizmos", "Gizmo", "[]"));
        NameAcceptance.Decision d = decide(mine, other);
        assertThat(d.namesAccepted().reason()).isEqualTo("ListKindConflict");
        assertThat(d.accepted().kind()).isEqualTo("Widget");
        assertThat(d.established().status()).isEqualTo("True");
    }
}
