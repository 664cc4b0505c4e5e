package io.wharf.api.patch;

import static io.wharf.api.patch.PatchTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JsonMergePatchTest {
    /** RFC 7386 appendix A, except the two cases upstream rejects (see below). */
    @ParameterizedTest(name = "[{index}] {0} + {1}")
    @CsvSource(delimiter = '|', value = {
            "{'a':'b'}|{'a':'c'}|{'a':'c'}",
            "{'a':'b'}|{'b':'c'}|{'a':'b','b':'c'}",
            "{'a':'b'}|{'a':null}|{}",
            "{'a':'b','b':'c'}|{'a':null}|{'b':'c'}",
            "{'a':['b']}|{'a':'c'}|{'a':'c'}",
            "{'a':'c'}|{'a':['b']}|{'a':['b']}",
            "{'a':{'b':'c'}}|{'a':{'b':'d','c':null}}|{'a':{'b':'d'}}",
            "{'a':[{'b':'c'}]}|{'a':[1]}|{'a':[1]}",
            "['a','b']|['c','d']|['c','d']",
            "{'a':'b'}|['c']|['c']",
            "{'e':null}|{'a':1}|{'e':null,'a':1}",
            "[1,2]|{'a':'b','c':null}|{'a':'b'}",
            "{}|{'a':{'bb':{'ccc':null}}}|{'a':{'bb':{}}}",
    })
    void rfc7386Examples(String target, String patch, String expected) {
        assertThat(JsonMergePatch.apply(json(target), json(patch))).isEqualTo(json(expected));
    }

    @Test
    void nullOrScalarPatchIsMalformedAsUpstream() {
        for (String patch : new String[] {"null", "'bar'", "1", "true"}) {
            assertThatThrownBy(() -> JsonMergePatch.apply(json("{'a':'foo'}"), json(patch)))
                    .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.malformed()).isTrue())
                    .hasMessage("Invalid JSON Patch");
        }
    }

    @Test
    void nullDocumentCannotBePatched() {
        assertThatThrownBy(() -> JsonMergePatch.apply(json("null"), json("{'a':1}")))
                .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.malformed()).isFalse())
                .hasMessage("Invalid JSON Document");
    }

    @Test
    void newValuesLoseNullsEvenInsideArrays() {
        assertThat(JsonMergePatch.apply(json("{}"), json("{'a':[{'b':null,'c':1},null]}")))
                .isEqualTo(json("{'a':[{'c':1},null]}"));
        assertThat(JsonMergePatch.apply(json("{'a':null}"), json("{'a':{'b':null,'c':{'d':null}}}")))
                .isEqualTo(json("{'a':{'c':{}}}"));
        assertThat(JsonMergePatch.apply(json("{'a':'x'}"), json("{'a':{'b':null}}")))
                .isEqualTo(json("{'a':{}}"));
        assertThat(JsonMergePatch.apply(json("{'a':'x'}"), json("[{'b':null},null]")))
                .isEqualTo(json("[{},null]"));
    }

    @Test
    void anArrayReplacingAnObjectKeepsItsNulls() {
        assertThat(JsonMergePatch.apply(json("{'a':{'x':1}}"), json("{'a':[{'b':null}]}")))
                .isEqualTo(json("{'a':[{'b':null}]}"));
    }

    @Test
    void deletingAMissingKeyIsFine() {
        assertThat(JsonMergePatch.apply(json("{'a':1}"), json("{'b':null}"))).isEqualTo(json("{'a':1}"));
    }

    @Test
    void kubernetesStyleMetadataMerge() {
        JsonNode pod = json("{'metadata':{'name':'p','labels':{'app':'web','tier':'fe'}},'spec':{'containers':[{'name':'c'}]}}");
        JsonNode patched = JsonMergePatch.apply(pod,
                json("{'metadata':{'labels':{'tier':null,'env':'prod'}},'spec':{'containers':[{'name':'d'}]}}"));
        assertThat(patched).isEqualTo(json(
                "{'metadata':{'name':'p','labels':{'app':'web','env':'prod'}},'spec':{'containers':[{'name':'d'}]}}"));
    }

    @Test
    void existingKeysKeepTheirPosition() {
        JsonNode patched = JsonMergePatch.apply(json("{'a':1,'b':2,'c':3}"), json("{'d':4,'a':5}"));
        assertThat(patched.toString()).isEqualTo("{\"a\":5,\"b\":2,\"c\":3,\"d\":4}");
    }

    @Test
    void neverModifiesOrSharesItsInputs() {
        JsonNode target = json("{'a':{'b':1},'keep':{'x':1}}");
        JsonNode patch = json("{'a':{'c':{'d':2}},'n':{'m':1}}");
        JsonNode targetBefore = target.deepCopy();
        JsonNode patchBefore = patch.deepCopy();
        ObjectNode result = (ObjectNode) JsonMergePatch.apply(target, patch);
        assertThat(target).isEqualTo(targetBefore);
        assertThat(patch).isEqualTo(patchBefore);
        ((ObjectNode) result.get("a").get("c")).put("mutated", true);
        ((ObjectNode) result.get("n")).put("mutated", true);
        ((ObjectNode) result.get("keep")).put("mutated", true);
        assertThat(target).isEqualTo(targetBefore);
        assertThat(patch).isEqualTo(patchBefore);
    }
}
