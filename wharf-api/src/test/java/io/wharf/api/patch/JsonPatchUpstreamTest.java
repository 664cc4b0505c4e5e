package io.wharf.api.patch;

import static io.wharf.api.patch.PatchTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Behaviour and messages of upstream's library (evanphx/json-patch v4) beyond the RFC examples. */
class JsonPatchUpstreamTest {
    private static JsonNode apply(String target, String patch) {
        return JsonPatch.apply(json(target), json(patch));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            // replace of a missing object member adds it
            "{'a':1}|[{'op':'replace','path':'/b','value':2}]|{'a':1,'b':2}",
            // copy from a missing object member copies null
            "{'a':1}|[{'op':'copy','from':'/b','path':'/c'}]|{'a':1,'c':null}",
            // a missing value means null
            "{'a':1}|[{'op':'add','path':'/b'}]|{'a':1,'b':null}",
            // negative indexes count from the end; for add, -1 is after the last element
            "{'a':[1,2]}|[{'op':'add','path':'/a/-1','value':'x'}]|{'a':[1,2,'x']}",
            "{'a':[1,2]}|[{'op':'add','path':'/a/-3','value':'x'}]|{'a':['x',1,2]}",
            "{'a':[1,2]}|[{'op':'add','path':'/a/2','value':'x'}]|{'a':[1,2,'x']}",
            "{'a':[1,2,3]}|[{'op':'remove','path':'/a/-1'}]|{'a':[1,2]}",
            "{'a':[1,2,3]}|[{'op':'replace','path':'/a/-3','value':0}]|{'a':[0,2,3]}",
            "{'a':[1,2,3]}|[{'op':'copy','from':'/a/-1','path':'/b'}]|{'a':[1,2,3],'b':3}",
            "{'a':[1,2,3]}|[{'op':'move','from':'/a/0','path':'/a/-'}]|{'a':[2,3,1]}",
            // the replaced root may be an object or an array; a scalar is ignored
            "{'a':1}|[{'op':'replace','path':'','value':{'b':2}}]|{'b':2}",
            "{'a':1}|[{'op':'replace','path':'','value':[1]}]|[1]",
            "{'a':1}|[{'op':'replace','path':'','value':5}]|{'a':1}",
            "{'a':1}|[{'op':'replace','path':'','value':null}]|{'a':1}",
            // text before the first '/' is ignored; '/' alone addresses the empty key
            "{'x':1}|[{'op':'add','path':'a/b','value':2}]|{'x':1,'b':2}",
            "{'x':1}|[{'op':'add','path':'/','value':2}]|{'x':1,'':2}",
            // ~1 and ~0 unescape
            "{}|[{'op':'add','path':'/a~1b~0c','value':1}]|{'a/b~c':1}",
            // null and absent members test equal to null
            "{'a':null}|[{'op':'test','path':'/a','value':null}]|{'a':null}",
            "{}|[{'op':'test','path':'/a','value':null}]|{}",
            "{'a':{'x':[1,{'y':null}]}}|[{'op':'test','path':'/a','value':{'x':[1,{'y':null}]}}]|{'a':{'x':[1,{'y':null}]}}",
            "{'a':1}|[{'op':'test','path':'','value':{'a':1}}]|{'a':1}",
            // a null patch does nothing
            "{'a':1}|null|{'a':1}",
            "{'a':1}|[]|{'a':1}",
            // operations apply in order
            "{}|[{'op':'add','path':'/a','value':{}},{'op':'add','path':'/a/b','value':1},{'op':'move','from':'/a/b','path':'/c'}]"
                    + "|{'a':{},'c':1}",
            "[1]|[{'op':'add','path':'/0','value':0}]|[0,1]",
    })
    void appliesLikeUpstream(String target, String patch, String expected) {
        assertThat(apply(target, patch)).isEqualTo(json(expected));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "{'a':1}|[{'op':'remove','path':'/x'}]|error in remove for path: '/x': Unable to remove nonexistent key: x: missing value",
            "{'a':[1]}|[{'op':'remove','path':'/a/5'}]|error in remove for path: '/a/5': Unable to access invalid index: 5: invalid index referenced",
            "{'a':[1]}|[{'op':'remove','path':'/a/-2'}]|error in remove for path: '/a/-2': Unable to access invalid index: -2: invalid index referenced",
            "{'a':[1]}|[{'op':'remove','path':'/a/x'}]|error in remove for path: '/a/x': strconv.Atoi: parsing \"x\": invalid syntax",
            "{'a':[1]}|[{'op':'remove','path':'/a/99999999999999999999'}]|error in remove for path: '/a/99999999999999999999': strconv.Atoi: parsing \"99999999999999999999\": value out of range",
            "{'a':[1]}|[{'op':'add','path':'/a/3','value':0}]|error in add for path: '/a/3': Unable to access invalid index: 3: invalid index referenced",
            "{'a':[1]}|[{'op':'add','path':'/a/-3','value':0}]|error in add for path: '/a/-3': Unable to access invalid index: -3: invalid index referenced",
            "{'a':[1]}|[{'op':'add','path':'/a/x','value':0}]|error in add for path: '/a/x': value was not a proper array index: 'x': strconv.Atoi: parsing \"x\": invalid syntax",
            "{'a':[1]}|[{'op':'replace','path':'/a/1','value':0}]|replace operation does not apply: doc is missing key: /a/1: missing value",
            "{'a':[1]}|[{'op':'replace','path':'/a/-','value':0}]|replace operation does not apply: doc is missing key: /a/-: missing value",
            "{'a':1}|[{'op':'replace','path':'/b/c','value':0}]|replace operation does not apply: doc is missing path: /b/c: missing value",
            "{'a':1}|[{'op':'add','path':'/a/b','value':0}]|add operation does not apply: doc is missing path: \"/a/b\": missing value",
            "{'a':null}|[{'op':'add','path':'/a/b','value':0}]|add operation does not apply: doc is missing path: \"/a/b\": missing value",
            "{'a':[1]}|[{'op':'add','path':'/a/9/b','value':0}]|add operation does not apply: doc is missing path: \"/a/9/b\": missing value",
            "{'a':1}|[{'op':'add','path':'','value':0}]|add operation does not apply: doc is missing path: \"\": missing value",
            "{'a':1}|[{'op':'remove','path':'/b/c'}]|remove operation does not apply: doc is missing path: \"/b/c\": missing value",
            "{'a':{'b':1}}|[{'op':'move','from':'/a','path':'/a/c'}]|move operation does not apply: doc is missing destination path: /a/c: missing value",
            "{'a':1}|[{'op':'move','from':'/x/y','path':'/b'}]|move operation does not apply: doc is missing from path: /x/y: missing value",
            "{'a':1}|[{'op':'move','from':'/x','path':'/b'}]|error in move for path: 'x': Unable to remove nonexistent key: x: missing value",
            "{'a':[1]}|[{'op':'move','from':'/a/4','path':'/b'}]|error in move for path: '4': Unable to access invalid index: 4: invalid index referenced",
            "{'a':[1]}|[{'op':'move','from':'/a/0','path':'/a/5'}]|error in move for path: '/a/5': Unable to access invalid index: 5: invalid index referenced",
            "{'a':1}|[{'op':'copy','from':'/x/y','path':'/b'}]|copy operation does not apply: doc is missing from path: /x/y: missing value",
            "{'a':[1]}|[{'op':'copy','from':'/a/1','path':'/b'}]|error in copy for from: '/a/1': Unable to access invalid index: 1: invalid index referenced",
            "{'a':[1]}|[{'op':'copy','from':'/a/0','path':'/x/y'}]|copy operation does not apply: doc is missing destination path: /x/y: missing value",
            "{'a':[1]}|[{'op':'copy','from':'/a/0','path':'/a/7'}]|error while adding value during copy: Unable to access invalid index: 7: invalid index referenced",
            "{'a':1}|[{'op':'test','path':'/x/y','value':1}]|test operation does not apply: is missing path: /x/y: missing value",
            "{'a':[1]}|[{'op':'test','path':'/a/3','value':1}]|error in test for path: '/a/3': Unable to access invalid index: 3: invalid index referenced",
            "{'a':1}|[{'op':'test','path':'/a'}]|testing value /a failed: test failed",
            "{'a':1}|[{'op':'test','path':'/a','value':true}]|testing value /a failed: test failed",
            "{'a':1}|[{'op':'test','path':'/a','value':2}]|testing value /a failed: test failed",
            "{'a':1}|[{'op':'test','path':'/a','value':null}]|testing value /a failed: test failed",
            "{'a':null}|[{'op':'test','path':'/a','value':0}]|testing value /a failed: test failed",
            "{'a':{'b':1}}|[{'op':'test','path':'/a','value':{'b':1,'c':2}}]|testing value /a failed: test failed",
            "{'a':1}|[{'op':'test','path':'','value':{'a':2}}]|testing value  failed: test failed",
            "{'a':1}|[{'op':'add','value':1}]|add operation failed to decode path: missing value",
            "{'a':1}|[{'op':'remove','path':5}]|remove operation failed to decode path: missing value",
            "{'a':1}|[{'op':'replace','value':1}]|replace operation failed to decode path: operation missing path field: missing value",
            "{'a':1}|[{'op':'test','path':5}]|test operation failed to decode path: json: cannot unmarshal number into Go value of type string",
            "{'a':1}|[{'op':'move','path':'/b'}]|move operation failed to decode from: operation, missing from field: missing value",
            "{'a':1}|[{'op':'move','from':'/a'}]|move operation failed to decode path: operation missing path field: missing value",
            "{'a':1}|[{'op':'copy','path':'/b','from':null}]|copy operation failed to decode from: operation, missing from field: missing value",
            "{'a':1}|[{'op':'copy','from':'/a'}]|copy operation failed to decode path: missing value",
            "{'a':1}|[{'op':'foo','path':'/a'}]|Unexpected kind: foo",
            "{'a':1}|[{'path':'/a'}]|Unexpected kind: unknown",
            "{'a':1}|[{'op':1,'path':'/a'}]|Unexpected kind: unknown",
            "{'a':1}|[null]|Unexpected kind: unknown",
    })
    void failsWithUpstreamMessages(String target, String patch, String message) {
        assertThatThrownBy(() -> apply(target, patch))
                .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.malformed()).isFalse())
                .hasMessage(message);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "{'op':'add','path':'/a','value':1}|json: cannot unmarshal object into Go value of type jsonpatch.Patch",
            "[{'op':'add','path':'/a','value':1},'x']|json: cannot unmarshal string into Go value of type jsonpatch.Operation",
            "[[{'op':'add'}]]|json: cannot unmarshal array into Go value of type jsonpatch.Operation",
            "[true]|json: cannot unmarshal bool into Go value of type jsonpatch.Operation",
            "[1]|json: cannot unmarshal number into Go value of type jsonpatch.Operation",
    })
    void nonArrayOfObjectsIsMalformed(String patch, String message) {
        assertThatThrownBy(() -> JsonPatch.apply(json("{'a':1}"), json(patch)))
                .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.malformed()).isTrue())
                .hasMessage(message);
        assertThatThrownBy(() -> JsonPatch.operationCount(json(patch))).isInstanceOf(PatchException.class);
    }

    @Test
    void scalarPatchIsMalformedAndScalarTargetCannotBePatched() {
        assertThatThrownBy(() -> JsonPatch.apply(json("{}"), json("'add'")))
                .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.malformed()).isTrue())
                .hasMessage("json: cannot unmarshal string into Go value of type jsonpatch.Patch");
        assertThatThrownBy(() -> JsonPatch.apply(json("'text'"), json("[]")))
                .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.malformed()).isFalse())
                .hasMessage("json: cannot unmarshal string into Go value of type jsonpatch.partialDoc");
    }

    @Test
    void numbersTestEqualByValue() {
        assertThat(apply("{'a':10,'b':0.5}", "[{'op':'test','path':'/a','value':10},{'op':'test','path':'/b','value':0.50}]"))
                .isEqualTo(json("{'a':10,'b':0.5}"));
    }

    @Test
    void malformedPatchIsReportedEvenBeforeABadTarget() {
        assertThatThrownBy(() -> JsonPatch.apply(json("'text'"), json("{}")))
                .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.malformed()).isTrue());
    }

    @Test
    void copyGrowthIsLimited() {
        JsonNode target = json("{'a':'0123456789'}");
        assertThat(JsonPatch.apply(target, json("[{'op':'copy','from':'/a','path':'/b'}]"), 12))
                .isEqualTo(json("{'a':'0123456789','b':'0123456789'}"));
        assertThatThrownBy(() -> JsonPatch.apply(target,
                json("[{'op':'copy','from':'/a','path':'/b'},{'op':'copy','from':'/a','path':'/c'}]"), 20))
                .isInstanceOf(PatchException.class)
                .hasMessage("Unable to complete the copy, the accumulated size increase of copy is 24, exceeding the limit 20");
        assertThat(JsonPatch.apply(target,
                json("[{'op':'copy','from':'/a','path':'/b'},{'op':'copy','from':'/a','path':'/c'}]"), 0))
                .hasSize(3);
        assertThat(JsonPatch.DEFAULT_MAX_COPY_BYTES).isEqualTo(3L * 1024 * 1024);
    }

    @Test
    void copiesAreIndependent() {
        ObjectNode result = (ObjectNode) apply("{'a':{'b':1}}", "[{'op':'copy','from':'/a','path':'/c'}]");
        ((ObjectNode) result.get("c")).put("b", 2);
        assertThat(result.get("a").get("b").asInt()).isEqualTo(1);
    }

    @Test
    void neverModifiesOrSharesItsInputs() {
        JsonNode target = json("{'a':{'b':1},'list':[1,2]}");
        JsonNode patch = json("[{'op':'add','path':'/a/c','value':{'d':1}},{'op':'remove','path':'/list/0'},"
                + "{'op':'replace','path':'/a/b','value':{'e':1}}]");
        JsonNode targetBefore = target.deepCopy();
        JsonNode patchBefore = patch.deepCopy();
        ObjectNode result = (ObjectNode) JsonPatch.apply(target, patch);
        assertThat(result).isEqualTo(json("{'a':{'b':{'e':1},'c':{'d':1}},'list':[2]}"));
        ((ObjectNode) result.get("a").get("c")).put("mutated", true);
        ((ObjectNode) result.get("a").get("b")).put("mutated", true);
        assertThat(target).isEqualTo(targetBefore);
        assertThat(patch).isEqualTo(patchBefore);
    }

    @Test
    void aFailingOperationLeavesTheTargetUntouched() {
        JsonNode target = json("{'a':1}");
        assertThatThrownBy(() -> JsonPatch.apply(target,
                json("[{'op':'add','path':'/b','value':2},{'op':'test','path':'/a','value':2}]")))
                .isInstanceOf(PatchException.class);
        assertThat(target).isEqualTo(json("{'a':1}"));
    }

    @Test
    void countsOperations() {
        assertThat(JsonPatch.operationCount(json("[{'op':'add'},null,{}]"))).isEqualTo(3);
        assertThat(JsonPatch.operationCount(json("null"))).isZero();
    }
}
